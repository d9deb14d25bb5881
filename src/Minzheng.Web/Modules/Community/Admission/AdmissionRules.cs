using Minzheng.Web.Platform.Divisions;

namespace Minzheng.Web.Modules.Community.Admission;

/// <summary>What the catalogue says of a certificate asked for on a day.</summary>
public enum CertificateVerdict
{
    Allowed,

    /// <summary>On the list committees must not issue (民发〔2020〕20号) or otherwise not allowed.</summary>
    Forbidden,

    /// <summary>Not in the catalogue at all.</summary>
    Unknown,

    /// <summary>In the catalogue, but not in force that day (not yet, or ended).</summary>
    NotInForce,
}

/// <summary>
/// The certificate and 准入 rules (rules-2 §2.5), pure. 民发〔2020〕20号: a committee issues a certificate only with a basis in law or on
/// the retained list, and within its duties — so only a type the catalogue allows, in force on the day. 准入: a task a department
/// adds needs the county's or city's approval with the commissioning department paying (村委会组织法 第三十七条), and nothing on the
/// 负面清单 (law enforcement, demolition, investment promotion …) is put on a committee.
/// </summary>
public static class AdmissionRules
{
    public const string Directive = "《民政部 中央组织部 中央政法委 中央文明办 司法部 农业农村部关于改进和规范基层群众性自治组织出具证明工作的指导意见》（民发〔2020〕20号）";

    public const string FundingBasis = "《村民委员会组织法》第三十七条：人民政府有关部门委托村民委员会开展工作需要经费的，由委托部门承担";

    // a forbidden type stays forbidden whatever its dates: an ended entry of the 20 does not make the certificate allowed
    public static CertificateVerdict Check(CertificateType? type, DateOnly on) =>
        type is null ? CertificateVerdict.Unknown
        : !type.Allowed ? CertificateVerdict.Forbidden
        : type.ValidFrom > on || (type.ValidTo is { } to && to < on) ? CertificateVerdict.NotInForce
        : CertificateVerdict.Allowed;

    /// <summary>The Chinese refusal of a forbidden type: the directive, and what the asking department does instead.</summary>
    public static string ForbiddenDetail(CertificateType type) =>
        $"根据{(type.LegalBasis.Length > 0 ? type.LegalBasis : Directive)}，村（居）民委员会不得出具“{type.Name}”证明。" +
        (type.Instead.Length > 0 ? $"请告知办事群众和有关部门：{type.Instead}" : "需要该信息的部门应当通过部门间信息共享、自行核查或申请人书面承诺等方式核实。");

    /// <summary>The words of a 负面清单 entry a task's name is matched on: its title and its keywords (separated by 、 or commas).</summary>
    public static IEnumerable<string> Terms(string title, string keywords) =>
        new[] { title }.Concat(keywords.Split(['、', ',', '，', ';', '；', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(t => t.Length >= 2);

    /// <summary>The first 负面清单 entry whose title or a keyword appears in the task's name, or null.</summary>
    public static T? ForbiddenMatch<T>(string task, IEnumerable<T> forbidden, Func<T, string> title, Func<T, string> keywords) where T : class =>
        forbidden.FirstOrDefault(f => Terms(title(f), keywords(f)).Any(t => task.Contains(t, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Funded: a department that pays is named and an amount above zero set (第三十七条).</summary>
    public static bool IsFunded(string? source, long amountFen) => !string.IsNullOrWhiteSpace(source) && amountFen > 0;

    /// <summary>Whether an entry for <paramref name="scopeCode"/> (city, county, township or village) applies to the village.</summary>
    public static bool Applies(string scopeCode, string villageCode) =>
        DivisionCodes.IsWellFormed(scopeCode) && villageCode.StartsWith(DivisionCodes.ScopePrefix(scopeCode), StringComparison.Ordinal);

    public static string ListName(WorkItemList list) => list switch
    {
        WorkItemList.Duty => "依法履职事项",
        WorkItemList.Assist => "协助政府事项",
        WorkItemList.Forbidden => "负面清单",
        _ => list.ToString(),
    };

    public static string StatusName(AdmissionRequestStatus s) => s switch
    {
        AdmissionRequestStatus.Submitted => "待审批",
        AdmissionRequestStatus.Approved => "已批准",
        AdmissionRequestStatus.Refused => "不予准入",
        _ => s.ToString(),
    };
}
