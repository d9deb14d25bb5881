namespace Minzheng.Web.Modules.ElderlyCare.Homes.Rules;

/// <summary>The dated rules of a care home's entry and supervision (rules-2 §1.2–1.3, §1.6).</summary>
public static class HomeRules
{
    /// <summary>老年人权益保障法 (2018-12-29 修正) 第四十三条 abolished the licence: from this day a home registers and files.</summary>
    public static readonly DateOnly LicenceAbolished = new(2018, 12, 29);

    /// <summary>养老机构管理办法 (民政部令第66号) in force.</summary>
    public static readonly DateOnly Order66 = new(2020, 11, 1);

    /// <summary>养老机构设立许可办法 (民政部令第48号) in force.</summary>
    public static readonly DateOnly Order48 = new(2013, 7, 1);

    /// <summary>66号: 备案 within 10 working days after taking in the first resident.</summary>
    public const int FilingWorkingDays = 10;

    /// <summary>民政部 2020-09-17: an on-site check within 20 working days of filing.</summary>
    public const int CheckWorkingDays = 20;

    /// <summary>The entry regime of a home that opened on <paramref name="openedOn"/>; null before 48号 (no platform rule for it).</summary>
    public static EntryRegime? RegimeOf(DateOnly openedOn) =>
        openedOn >= Order66 ? EntryRegime.Filed66
        : openedOn >= LicenceAbolished ? EntryRegime.Filed2019
        : openedOn >= Order48 ? EntryRegime.Licensed2013
        : null;

    public static string RegimeName(EntryRegime regime) => regime switch
    {
        EntryRegime.Licensed2013 => "设立许可（民政部令第48号，2013-07-01 至 2018-12-28）",
        EntryRegime.Filed2019 => "登记后备案（老年人权益保障法第四十三条，2018-12-29 至 2020-10-31）",
        EntryRegime.Filed66 => "备案（养老机构管理办法 民政部令第66号，2020-11-01 起）",
        _ => "",
    };

    /// <summary>Whether the regime asks for a licence: only homes licensed under 48号 carry one; never ask a post-2018 home.</summary>
    public static bool NeedsLicence(EntryRegime regime) => regime == EntryRegime.Licensed2013;

    /// <summary>Occupancy in per cent (one decimal): occupied beds over total beds; 0 for a home without beds.</summary>
    public static decimal Occupancy(int occupied, int beds) => beds <= 0 ? 0m : Math.Round(occupied * 100m / beds, 1, MidpointRounding.AwayFromZero);

    /// <summary>Idle beds (闲置床位): beds nobody occupies.</summary>
    public static int IdleBeds(int occupied, int beds) => Math.Max(0, beds - occupied);
}
