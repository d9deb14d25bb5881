namespace Minzheng.Web.Modules.Rescue.Stays;

/// <summary>The four conditions of a 救助对象 (实施细则 第二条) as the clerk found them at intake.</summary>
public sealed record EligibilityFacts(bool NoFoodOrLodging, bool NoRelativesToTurnTo, bool NoBasicAllowance, bool VagrantInCity, bool UnableToGiveFacts);

/// <summary>What the daily sweep does to one stay on a day.</summary>
public sealed record SweepAction(bool RaiseAlert, bool MarkLimitPassed, bool Place);

/// <summary>
/// The pure rules of the stay (rules-2 §3): who is eligible, and what the daily sweep marks. Table-tested; the use cases and the
/// sweep only read and write around them.
/// </summary>
public static class StayRules
{
    /// <summary>
    /// The written reasons for refusing help (实施细则 第五条: the station states why), empty when the person is eligible. A person
    /// who cannot give the facts (年老、年幼、残疾等, 实施细则 第六条) is helped first and the facts checked afterwards.
    /// </summary>
    public static IReadOnlyList<string> RefusalReasons(EligibilityFacts f)
    {
        if (f.UnableToGiveFacts) return [];
        var reasons = new List<string>();
        if (!f.NoFoodOrLodging) reasons.Add("自身有能力解决食宿");
        if (!f.NoRelativesToTurnTo) reasons.Add("有亲友可以投靠");
        if (!f.NoBasicAllowance) reasons.Add("享受城市最低生活保障或者农村特困人员救助供养");
        if (!f.VagrantInCity) reasons.Add("不属于在城市流浪乞讨度日");
        return reasons;
    }

    /// <summary>
    /// The sweep on <paramref name="today"/>: the alert once the stay nears its limit, the mark once it is past it (both once),
    /// and placement (照料安置) of a person whose identity is still unknown from <see cref="StayDates.PlacementFrom"/>.
    /// Only stays in station are swept: a placed stay has its own care and is past the search stage.
    /// </summary>
    public static SweepAction Sweep(RescueStay stay, StayDates dates, DateOnly today)
    {
        if (stay.Status != StayStatus.InStation) return new(false, false, false);
        return new(stay.AlertRaisedOn is null && today >= dates.AlertFrom,
            stay.LimitPassedOn is null && today > dates.StayUntil,
            !stay.IdentityKnown && today >= dates.PlacementFrom);
    }

    /// <summary>Whether an open stay (in station or placed) of the same person blocks a new intake.</summary>
    public static bool IsOpen(StayStatus status) => status is StayStatus.InStation or StayStatus.Placed;

    public static string StatusName(StayStatus s) => s switch
    {
        StayStatus.Refused => "不予救助",
        StayStatus.InStation => "在站",
        StayStatus.Placed => "照料安置",
        StayStatus.Left => "已离站",
        _ => s.ToString(),
    };

    public static string ExitName(StayExit? e) => e switch
    {
        StayExit.ReturnedHome => "返乡",
        StayExit.SelfLeft => "自行离站",
        StayExit.LeftWithoutNotice => "擅自离站（终止救助）",
        StayExit.Transferred => "转送",
        StayExit.Settled => "落户安置",
        StayExit.Died => "死亡",
        null => "",
        _ => e.ToString()!,
    };

    public static string SourceName(StaySource s) => s switch
    {
        StaySource.SelfReferred => "主动求助",
        StaySource.Police => "公安机关护送",
        StaySource.Patrol => "街面巡查",
        StaySource.OtherReferral => "其他部门或个人引导护送",
        _ => s.ToString(),
    };

    public static string PlacementName(PlacementKind? p) => p switch
    {
        PlacementKind.InStation => "站内照料",
        PlacementKind.Hospital => "医院",
        PlacementKind.Foster => "委托代养",
        null => "",
        _ => p.ToString()!,
    };

    public static string ServiceName(ServiceKind k) => k switch
    {
        ServiceKind.Food => "饮食",
        ServiceKind.Lodging => "住宿",
        ServiceKind.Medical => "就医转介",
        ServiceKind.Clothing => "衣物",
        ServiceKind.Cash => "现金",
        _ => k.ToString(),
    };

    public static string ReturnName(ReturnMode m) => m switch
    {
        ReturnMode.Ticket => "购票返乡",
        ReturnMode.Escort => "护送返乡",
        ReturnMode.Family => "亲属接领",
        _ => m.ToString(),
    };
}
