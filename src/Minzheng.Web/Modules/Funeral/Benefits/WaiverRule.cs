using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Money;

namespace Minzheng.Web.Modules.Funeral.Benefits;

/// <summary>One free basic service: the cap per person and, for 存放 and 骨灰寄存, the most days or years given free.</summary>
public sealed record WaiverItem(Money Cap, int? MaxUnits, string Basis);

/// <summary>
/// The 惠民殡葬 waiver in force (FuneralWaiverRule): which groups are eligible and which basic services are free up to what,
/// read from the figure book for the county on the service day. Yulin's list is unconfirmed: 演示数据 rows.
/// </summary>
public sealed record FuneralWaiverRule(IReadOnlySet<string> Groups, IReadOnlyDictionary<string, WaiverItem> Items)
{
    public static FuneralWaiverRule On(FigureBook book, string divisionCode, DateOnly date)
    {
        var groups = FuneralFigures.WaiverGroups.Where(g => book.Find(FuneralFigures.WaiverGroup, divisionCode, date, g.Code)?.Yes == true).Select(g => g.Code).ToHashSet();
        var items = new Dictionary<string, WaiverItem>();
        foreach (var (code, _) in FuneralFigures.WaiverItems)
        {
            if (book.Find(FuneralFigures.WaiverCap, divisionCode, date, code) is not { } cap) continue;
            var units = book.Find(FuneralFigures.WaiverMaxUnits, divisionCode, date, code);
            items[code] = new WaiverItem(cap.Amount, units?.Number, cap.Basis);
        }
        return new FuneralWaiverRule(groups, items);
    }

    /// <summary>
    /// What of <paramref name="charged"/> (for <paramref name="units"/> days or years, 1 for a one-time service) is free: nothing
    /// for a group or item not in the rule; otherwise the share for the free units, at most the cap.
    /// </summary>
    public Money FreeAmount(string group, string item, int units, Money charged)
    {
        if (!Groups.Contains(group) || !Items.TryGetValue(item, out var rule) || units <= 0 || charged.Fen <= 0) return Money.Zero;
        var freeUnits = rule.MaxUnits is { } max ? Math.Min(units, max) : units;
        // the charge is spread evenly over the units; the free units' share, rounded down to the fen, within the cap
        var share = charged.Fen * freeUnits / units;
        return new Money(Math.Min(share, rule.Cap.Fen));
    }
}
