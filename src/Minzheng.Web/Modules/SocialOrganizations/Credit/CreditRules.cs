namespace Minzheng.Web.Modules.SocialOrganizations.Credit;

/// <summary>The two lists of 社会组织信用信息管理办法 (民政部令第60号).</summary>
public enum CreditList
{
    None,

    /// <summary>活动异常名录.</summary>
    Abnormal,

    /// <summary>严重违法失信名单.</summary>
    Dishonest,
}

/// <summary>What a dated credit event records (rules.md §6.2). Entry grounds, direct dishonest grounds, and the events that end or correct a listing.</summary>
public enum CreditEventKind
{
    // 活动异常名录 entry grounds (60号令 art. 8; final numbering UNCONFIRMED, so no item numbers are cited)
    ReportOverdue,
    NoPartyOrganisation,
    RectificationUnfinished,
    FundraisingViolation,
    WarningOrSmallFine,
    Unreachable,

    // 严重违法失信名单 direct grounds (60号令 art. 10)
    FraudulentChangeRevoked,
    Suspension,
    LargeFine,
    CourtDishonestDebtor,
    RegistrationRevoked,

    // events that end or correct a listing
    Fulfilled,
    Removed,
    Deregistered,
    Corrected,
}

/// <summary>
/// One dated event. <paramref name="Id"/> lets a later <see cref="CreditEventKind.Corrected"/> event (an objection upheld,
/// 60号令 异议处理) name the event it strikes out through <paramref name="Corrects"/>; <paramref name="Ground"/> narrows a
/// <see cref="CreditEventKind.Fulfilled"/> event to one ground (without it, every open ground is fulfilled).
/// </summary>
public sealed record CreditEvent(DateOnly Date, CreditEventKind Kind, string? Id = null, string? Corrects = null, CreditEventKind? Ground = null);

/// <summary>
/// The periods of 60号令, passed in (the figure book holds them) rather than written into the rule: automatic removal from the
/// 异常名录 where nothing needs rectifying (6 months), transfer to the 失信名单 (2 years on the 异常名录), removal from the 失信名单
/// (2 years without a new event), removal after verified fulfilment (within 5 working days), and repeated small penalties
/// (2 or more within 3 years make a direct 失信 ground).
/// </summary>
public sealed record CreditPeriods(int AutoRemovalMonths, int TransferYears, int DishonestRemovalYears, int FulfilmentRemovalWorkingDays, int RepeatPenaltyYears, int RepeatPenaltyCount)
{
    /// <summary>The statutory periods of 民政部令第60号 (rules.md §6.2, CONFIRMED-S): the figure book's first rows and the table tests' input.</summary>
    public static readonly CreditPeriods Order60 = new(6, 2, 2, 5, 3, 2);
}

/// <summary>A ground the organisation is listed on: the event kind (or <see cref="CreditGroundKind.TwoYearsAbnormal"/>, <see cref="CreditGroundKind.RepeatedPenalties"/>) and its date.</summary>
public sealed record CreditGround(string Kind, DateOnly Date, string Name);

public sealed record CreditStatus(CreditList List, DateOnly? Since, IReadOnlyList<CreditGround> Grounds, DateOnly? RemovableFrom);

/// <summary>Grounds the rule derives itself (not event kinds).</summary>
public static class CreditGroundKind
{
    public const string TwoYearsAbnormal = "two-years-abnormal";
    public const string RepeatedPenalties = "repeated-penalties";
}

/// <summary>
/// The one pure rule of issue 14 item 3: an organisation's list status on a date, derived from its dated events under
/// 民政部令第60号 (rules.md §6.2). The module's daily job, the public query and the officer's check all call this, so the
/// status is never stored apart from the events it comes from.
/// <para>Choices where the order's text leaves room (each named so it can be changed in one place):</para>
/// <list type="bullet">
/// <item>A new entry event restarts the removal periods (6 months on the 异常名录, 2 years on the 失信名单) but not the 2 years
/// that move an organisation from the 异常名录 to the 失信名单: those count from the day the current stint on the list began,
/// otherwise an organisation that keeps offending would never be moved.</item>
/// <item>Fulfilment verified on a day removes the ground at the latest 5 working days later (the order's time limit); a
/// <see cref="CreditEventKind.Removed"/> event records an earlier removal by the registration authority.</item>
/// <item>Removal from the 失信名单 after 2 clean years is on application; the rule reports the organisation as off the list from
/// that day (the date the application can first succeed). Where it was moved there from the 异常名录 its original obligations must
/// be fulfilled too; where its certificate was revoked (吊销/撤销) only deregistration removes it.</item>
/// <item>An upheld objection strikes the named event out as if it never happened, from the correction's date on.</item>
/// </list>
/// </summary>
public static class CreditRules
{
    public static bool IsAbnormalGround(CreditEventKind k) => k is >= CreditEventKind.ReportOverdue and <= CreditEventKind.Unreachable;

    public static bool IsDishonestGround(CreditEventKind k) => k is >= CreditEventKind.FraudulentChangeRevoked and <= CreditEventKind.RegistrationRevoked;

    /// <summary>Only a warning or small fine needs no rectification: the other grounds are obligations left undone (60号令: removal on fulfilment).</summary>
    public static bool NeedsRectification(CreditEventKind k) => k != CreditEventKind.WarningOrSmallFine;

    /// <param name="addWorkingDays">The working calendar (date, n) → the n-th working day after date; kept a delegate so the rule stays pure.</param>
    public static CreditStatus Evaluate(IReadOnlyList<CreditEvent> events, DateOnly asOf, CreditPeriods periods, Func<DateOnly, int, DateOnly> addWorkingDays)
    {
        var struck = events.Where(e => e.Kind == CreditEventKind.Corrected && e.Date <= asOf && e.Corrects is not null)
            .Select(e => e.Corrects!).ToHashSet(StringComparer.Ordinal);
        var timeline = events
            .Select((e, i) => (e, i))
            .Where(x => x.e.Date <= asOf && x.e.Kind != CreditEventKind.Corrected && (x.e.Id is null || !struck.Contains(x.e.Id)))
            .OrderBy(x => x.e.Date).ThenBy(x => x.i)
            .Select(x => x.e);
        var s = new State(periods, addWorkingDays);
        foreach (var e in timeline)
        {
            s.Advance(e.Date.AddDays(-1));
            s.Apply(e);
            if (s.Deregistered) break;
        }
        if (!s.Deregistered) s.Advance(asOf);
        return s.Result();
    }

    private sealed class Ground(string kind, DateOnly date, bool needsRectification)
    {
        public string Kind { get; } = kind;
        public DateOnly Date { get; } = date;
        public bool NeedsRectification { get; } = needsRectification;
        public DateOnly? FulfilledOn { get; set; }
    }

    private sealed class State(CreditPeriods p, Func<DateOnly, int, DateOnly> addWorkingDays)
    {
        private CreditList _list = CreditList.None;
        private DateOnly _since;
        private DateOnly _lastEntry;
        private readonly List<Ground> _grounds = [];
        private readonly List<DateOnly> _smallPenalties = [];
        private bool _revoked;
        private bool _transferred;

        public bool Deregistered { get; private set; }

        /// <summary>Fires every period that ends on or before <paramref name="to"/>, earliest first.</summary>
        public void Advance(DateOnly to)
        {
            while (NextTimer() is { } t && t.On <= to) t.Fire();
        }

        private (DateOnly On, Action Fire)? NextTimer()
        {
            var candidates = new List<(DateOnly On, Action Fire)>();
            if (_list == CreditList.Abnormal)
            {
                // removals come before the transfer on the same day: an organisation off the list on that day is not moved
                foreach (var g in _grounds.Where(g => g.FulfilledOn is not null))
                    candidates.Add((addWorkingDays(g.FulfilledOn!.Value, p.FulfilmentRemovalWorkingDays), () => Close(g)));
                var unneeded = _grounds.Where(g => !g.NeedsRectification && g.FulfilledOn is null).ToList();
                if (unneeded.Count > 0)
                    candidates.Add((_lastEntry.AddMonths(p.AutoRemovalMonths), () => unneeded.ForEach(Close)));
                candidates.Add((_since.AddYears(p.TransferYears), Transfer));
            }
            else if (_list == CreditList.Dishonest && DishonestRemovalDate() is { } d)
            {
                candidates.Add((d, Clear));
            }
            return candidates.Count == 0 ? null : candidates.OrderBy(c => c.On).First();
        }

        private DateOnly? DishonestRemovalDate()
        {
            if (_revoked) return null;
            var clean = _lastEntry.AddYears(p.DishonestRemovalYears);
            if (!_transferred) return clean;
            var original = _grounds.Where(g => g.NeedsRectification && g.Kind != CreditGroundKind.TwoYearsAbnormal && g.Kind != CreditGroundKind.RepeatedPenalties).ToList();
            if (original.Any(g => g.FulfilledOn is null)) return null;
            var fulfilled = original.Count == 0 ? clean : original.Max(g => g.FulfilledOn!.Value);
            return fulfilled > clean ? fulfilled : clean;
        }

        private void Close(Ground g)
        {
            _grounds.Remove(g);
            if (_grounds.Count == 0) Clear();
        }

        private void Clear()
        {
            _list = CreditList.None;
            _grounds.Clear();
            _transferred = false;
            _revoked = false;
        }

        private void Transfer()
        {
            var on = _since.AddYears(p.TransferYears);
            _list = CreditList.Dishonest;
            _transferred = true;
            _grounds.Add(new Ground(CreditGroundKind.TwoYearsAbnormal, on, false));
            _since = on;
            _lastEntry = on;
        }

        public void Apply(CreditEvent e)
        {
            switch (e.Kind)
            {
                case CreditEventKind.Deregistered:
                    Clear();
                    Deregistered = true;
                    return;
                case CreditEventKind.Fulfilled:
                    foreach (var g in _grounds.Where(g => g.FulfilledOn is null && g.NeedsRectification && (e.Ground is null || g.Kind == Code(e.Ground.Value))))
                        g.FulfilledOn = e.Date;
                    return;
                case CreditEventKind.Removed:
                    if (_list == CreditList.Abnormal)
                        foreach (var g in _grounds.Where(g => g.FulfilledOn is not null).ToList()) Close(g);
                    return;
            }
            if (e.Kind == CreditEventKind.WarningOrSmallFine)
            {
                _smallPenalties.Add(e.Date);
                var window = _smallPenalties.Count(d => d > e.Date.AddYears(-p.RepeatPenaltyYears));
                if (window >= p.RepeatPenaltyCount)
                {
                    EnterDishonest(e.Date, new Ground(CreditGroundKind.RepeatedPenalties, e.Date, false));
                    return;
                }
            }
            if (IsDishonestGround(e.Kind))
            {
                if (e.Kind == CreditEventKind.RegistrationRevoked) _revoked = true;
                EnterDishonest(e.Date, new Ground(Code(e.Kind), e.Date, false));
                return;
            }
            // an 异常名录 ground: while on the 失信名单 it is recorded there and restarts that list's period
            if (_list == CreditList.None)
            {
                _list = CreditList.Abnormal;
                _since = e.Date;
            }
            _grounds.Add(new Ground(Code(e.Kind), e.Date, NeedsRectification(e.Kind)));
            _lastEntry = e.Date;
        }

        private void EnterDishonest(DateOnly on, Ground g)
        {
            if (_list != CreditList.Dishonest)
            {
                _list = CreditList.Dishonest;
                _since = on;
            }
            _grounds.Add(g);
            _lastEntry = on;
        }

        public CreditStatus Result()
        {
            if (_list == CreditList.None) return new(CreditList.None, null, [], null);
            var shown = _grounds.OrderBy(g => g.Date).Select(g => new CreditGround(g.Kind, g.Date, CreditLabels.Name(g.Kind))).ToList();
            DateOnly? removable;
            if (_list == CreditList.Dishonest) removable = DishonestRemovalDate();
            else if (_grounds.Any(g => g.NeedsRectification && g.FulfilledOn is null)) removable = null;
            else
            {
                // the last ground to go decides: a fulfilled one may go from its verification, the others after the 6 months
                var dates = _grounds.Select(g => g.FulfilledOn ?? _lastEntry.AddMonths(p.AutoRemovalMonths));
                removable = dates.Max();
            }
            return new(_list, _since, shown, removable);
        }
    }

    /// <summary>The API's kebab-case name of an event kind.</summary>
    public static string Code(CreditEventKind k) => CreditLabels.Codes.First(c => c.Kind == k).Code;
}
