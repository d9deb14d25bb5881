using Minzheng.Web.Platform.Money;

namespace Minzheng.Web.Modules.ElderlyCare.HomeCare.Rules;

/// <summary>What the platform knows of an elder when an order is placed (registry age, published entitlements, assessment).</summary>
public sealed record EligibilityFacts(int Age, bool ExtremePoverty, bool DibaoHousehold, bool DisabilitySubsidy, int? AbilityLevel);

/// <summary>Which criteria the figure book switches on, with their ages and level.</summary>
public sealed record EligibilityConfig(bool ExtremePoverty, bool DibaoElder, bool Disabled, bool Aged, int AgedFrom, int ElderFrom, bool Ability, int AbilityFrom);

/// <summary>A completed record to be priced: its service's unit price in force on its date and the elder's monthly hours.</summary>
public sealed record VisitToPrice(Guid VisitId, Guid OrderId, string Service, DateTime CheckInAt, int Minutes, Money UnitPrice, int MonthlyHours);

/// <summary>A priced record: the minutes paid (within the monthly hours) and the amount.</summary>
public sealed record PricedVisit(Guid VisitId, Guid OrderId, string Service, int Minutes, int PaidMinutes, Money UnitPrice, Money Amount);

/// <summary>
/// The pure rules of government-purchased home care. 老年人权益保障法 第三十七条: 对经济困难的老年人给予养老服务补贴 — the target
/// groups (特困、低保、残疾、高龄、失能) are local policy (rules-2 §1.8, UNCONFIRMED), so each is a figure; electronic visit
/// verification (anchors.md: the six elements) decides what is payable; the sample is replayable from its seed.
/// </summary>
public static class HomeCareRules
{
    /// <summary>The criteria the elder meets (in words), empty when none: every criterion needs the elder's age first.</summary>
    public static IReadOnlyList<string> Matches(EligibilityFacts facts, EligibilityConfig config)
    {
        var reasons = new List<string>();
        if (facts.Age < config.ElderFrom) return reasons;
        if (config.ExtremePoverty && facts.ExtremePoverty) reasons.Add("特困人员");
        if (config.DibaoElder && facts.DibaoHousehold) reasons.Add("低保家庭老年人");
        if (config.Disabled && facts.DisabilitySubsidy) reasons.Add("享受残疾人两项补贴");
        if (config.Aged && facts.Age >= config.AgedFrom) reasons.Add($"{config.AgedFrom} 周岁及以上高龄老年人（{facts.Age} 岁）");
        if (config.Ability && facts.AbilityLevel is { } level && level >= config.AbilityFrom) reasons.Add($"能力等级 {level} 级");
        return reasons;
    }

    /// <summary>
    /// The electronic-visit-verification elements a record lacks (empty: payable): service type, individual receiving,
    /// individual providing, date, location (coordinates or an address, at check-in and check-out), time in, time out, and
    /// the recipient's confirmation.
    /// </summary>
    public static IReadOnlyList<string> MissingElements(HomeCareVisit v)
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(v.ServiceCode)) missing.Add("服务类型");
        if (v.PersonId == Guid.Empty) missing.Add("服务对象");
        if (string.IsNullOrWhiteSpace(v.CaregiverName)) missing.Add("服务人员");
        if (v.ServiceDate == default) missing.Add("服务日期");
        if (!HasPlace(v.CheckInLatitude, v.CheckInLongitude, v.CheckInAddress)) missing.Add("签到地点");
        if (v.CheckInAt == default) missing.Add("签到时间");
        if (v.CheckOutAt is null) missing.Add("签退时间");
        else if (!HasPlace(v.CheckOutLatitude, v.CheckOutLongitude, v.CheckOutAddress)) missing.Add("签退地点");
        if (v.ConfirmedBy is null) missing.Add("服务对象确认");
        return missing;
    }

    private static bool HasPlace(decimal? latitude, decimal? longitude, string? address) =>
        (latitude is not null && longitude is not null) || !string.IsNullOrWhiteSpace(address);

    /// <summary>
    /// Prices a month's complete records: each elder's records in check-in order are paid until the elder's monthly hours are
    /// used up (the rest is served but not bought); amount = unit price × paid minutes / 60, rounded to the fen.
    /// </summary>
    public static IReadOnlyList<PricedVisit> Price(IEnumerable<VisitToPrice> visits)
    {
        var priced = new List<PricedVisit>();
        foreach (var order in visits.GroupBy(v => v.OrderId))
        {
            var left = order.First().MonthlyHours * 60;
            foreach (var v in order.OrderBy(v => v.CheckInAt).ThenBy(v => v.VisitId))
            {
                var paid = Math.Max(0, Math.Min(v.Minutes, left));
                left -= paid;
                var fen = (long)Math.Round(v.UnitPrice.Fen * (decimal)paid / 60m, MidpointRounding.AwayFromZero);
                priced.Add(new PricedVisit(v.VisitId, v.OrderId, v.Service, v.Minutes, paid, v.UnitPrice, new Money(fen)));
            }
        }
        return priced;
    }

    /// <summary>How many records a sample of <paramref name="ratePercent"/> takes: rounded up, at least one of a non-empty month.</summary>
    public static int SampleSize(int population, decimal ratePercent) =>
        population == 0 ? 0 : Math.Clamp((int)Math.Ceiling(population * ratePercent / 100m), 1, population);

    /// <summary>
    /// The sample: the first <see cref="SampleSize"/> of the population (in the stored order) shuffled by the kernel's replayable
    /// <see cref="Platform.Sampling.SeededDraw"/> over the stored seed, so the stored seed and population replay the same draw.
    /// </summary>
    public static IReadOnlyList<Guid> Sample(IReadOnlyList<Guid> population, int seed, decimal ratePercent) =>
        new Platform.Sampling.SeededDraw(seed.ToString(System.Globalization.CultureInfo.InvariantCulture)).Shuffle(population)
            .Take(SampleSize(population.Count, ratePercent)).ToList();

    /// <summary>Budget consumed in percent (one decimal) and whether it reached the alert line.</summary>
    public static (decimal Percent, bool Alert) Consumption(Money budget, Money consumed, decimal alertPercent)
    {
        if (budget.Fen <= 0) return (0m, false);
        var percent = Math.Round(consumed.Fen * 100m / budget.Fen, 1, MidpointRounding.AwayFromZero);
        return (percent, consumed.Fen * 100m >= alertPercent * budget.Fen);
    }
}
