using System.Globalization;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.Marriage.Backfill;

/// <summary>An ID number as the archive shows it (<see cref="AsWritten"/>) and the 18-digit form its lookup hash is computed from.</summary>
public sealed record ArchiveIdentity(string? AsWritten, string? Normalised, string? AnomalyCode, DateOnly? BirthFromNumber, Sex? SexFromNumber);

/// <summary>A birth date as the archive gives it: a year, a year and month, or a full date.</summary>
public readonly record struct PartialDate(int Year, int? Month, int? Day)
{
    public bool IsComplete => Month is not null && Day is not null;

    /// <summary>The latest day the date can mean (the end of the year or month when partial): the benefit of the doubt for age checks.</summary>
    public DateOnly Latest => Month is not { } m ? new DateOnly(Year, 12, 31) : Day is not { } d ? new DateOnly(Year, m, DateTime.DaysInMonth(Year, m)) : new DateOnly(Year, m, d);

    /// <summary>The earliest day the date can mean.</summary>
    public DateOnly Earliest => new(Year, Month ?? 1, Day ?? 1);
}

/// <summary>A quality finding of one record: its kind (a <see cref="BackfillRules"/> constant) and what is wrong, in Chinese.</summary>
public sealed record QualityFinding(Guid RecordId, string ArchiveNumber, string Kind, string Text);

/// <summary>What the quality report reads of one record (a projection: the report never loads ciphertext).</summary>
public sealed record QualityRow(Guid Id, string ArchiveNumber, string DivisionCode, string RegistryName, DateOnly RegisteredOn, string Type, bool Checked,
    QualityParty A, QualityParty B);

public sealed record QualityParty(string Name, bool HasNumber, string? AnomalyCode, int? BirthYear, int? BirthMonth, int? BirthDay, string? Ethnicity,
    string? Nationality, string? MaritalBefore, Guid? PersonId, bool BirthConflictsNumber = false)
{
    public PartialDate? Birth => BirthYear is { } y ? new PartialDate(y, BirthMonth, BirthDay) : null;
}

/// <summary>
/// The pure rules of the historical backfill (MZ/T 113-2018, rules-2.md §5.4): how an archive ID number is accepted (18 digits
/// with a valid check character, 15 digits as an old number with its anomaly code, or none with an anomaly code — never an
/// invented number), how a partial birth date is read, and the data-quality findings.
/// </summary>
public static class BackfillRules
{
    public static readonly DateOnly ScopeFrom = new(1950, 1, 1);
    public static readonly DateOnly ScopeTo = new(2001, 12, 31);

    /// <summary>The age below which a registration is impossible on its face: the lowest statutory age of the period (1950 婚姻法: 女18).</summary>
    public const int ImpossibleAge = 18;

    public const string MissingFields = "missing";
    public const string ImpossibleDate = "impossible-date";
    public const string Duplicate = "duplicate";
    public const string RegistryMatch = "registry-match";
    public const string BirthMismatch = "birth-mismatch";

    public static readonly IReadOnlyList<CodeEntry> FindingKinds =
    [
        new(MissingFields, "必填项缺失"),
        new(ImpossibleDate, "日期不可能"),
        new(Duplicate, "疑似重复"),
        new(RegistryMatch, "与现有人员信息匹配"),
        new(BirthMismatch, "出生日期与身份证号不符"),
    ];

    /// <summary>
    /// Reads one party's ID number and anomaly code. Errors go to <paramref name="error"/> by field ("idNumber" or "anomalyCode").
    /// A 15-digit number without a code gets <see cref="BackfillCodes.OldNumber"/>; no number requires a code.
    /// </summary>
    public static ArchiveIdentity? ReadIdentity(string? number, string? anomalyText, Action<string, string> error)
    {
        var anomaly = BackfillCodes.Read(BackfillCodes.Anomalies, anomalyText);
        if (anomaly == "")
        {
            error("anomalyCode", $"无法识别的异常情况代码“{anomalyText?.Trim()}”（应为：{string.Join("、", BackfillCodes.Anomalies.Select(a => a.Name))}）");
            return null;
        }
        var written = (number ?? "").Trim().ToUpperInvariant();
        if (written.Length == 0)
        {
            if (anomaly is null)
            {
                error("anomalyCode", "没有身份证号的，须选择异常情况代码（如 无身份证号、字迹不清），不得编造号码");
                return null;
            }
            if (anomaly == BackfillCodes.OldNumber)
            {
                error("anomalyCode", "选择“15位旧号”时须填写该15位号码");
                return null;
            }
            return new ArchiveIdentity(null, null, anomaly, null, null);
        }
        if (written.Length is not (15 or 18))
        {
            error("idNumber", "身份证号应为18位或15位旧号码；原档证号有误的，请不填号码并选择异常情况代码“原档证号有误（未录入）”");
            return null;
        }
        var parsed = IdNumber.TryParse(written, out var message);
        if (parsed is not { } p)
        {
            error("idNumber", $"{message}；原档证号有误的，请不填号码并选择异常情况代码“原档证号有误（未录入）”");
            return null;
        }
        if (anomaly is BackfillCodes.NoIdNumber or BackfillCodes.WrongNumber)
        {
            error("anomalyCode", $"已填写身份证号，异常情况不能是“{BackfillCodes.NameOf(BackfillCodes.Anomalies, anomaly)}”");
            return null;
        }
        if (written.Length == 18 && anomaly == BackfillCodes.OldNumber)
        {
            error("anomalyCode", "18位号码不是15位旧号");
            return null;
        }
        if (written.Length == 15) anomaly ??= BackfillCodes.OldNumber;
        return new ArchiveIdentity(written, p.Value, anomaly, p.BirthDate, p.Sex);
    }

    private static readonly string[] FullFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyyMMdd", "yyyy.M.d", "yyyy年M月d日"];
    private static readonly string[] MonthFormats = ["yyyy-MM", "yyyy-M", "yyyy/M", "yyyyMM", "yyyy.M", "yyyy年M月"];

    /// <summary>A birth date as the archive gives it: "1950", "1950-03", "1950-03-12" (and the usual separators); null and an error when unreadable.</summary>
    public static PartialDate? ReadBirth(string? text, Action<string> error)
    {
        var t = (text ?? "").Trim().TrimEnd('年');
        if (t.Length == 0) return null;
        if (DateOnly.TryParseExact(t, FullFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return Checked(new PartialDate(d.Year, d.Month, d.Day));
        if (DateTime.TryParseExact(t, MonthFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var m)) return Checked(new PartialDate(m.Year, m.Month, null));
        if (t.Length == 4 && int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var y)) return Checked(new PartialDate(y, null, null));
        error($"出生日期“{text?.Trim()}”应写作 1950、1950-03 或 1950-03-12");
        return null;

        PartialDate? Checked(PartialDate p)
        {
            if (p.Year is >= 1850 and <= 2001) return p;
            error($"出生日期“{text?.Trim()}”不在 1850 年至 2001 年之间");
            return null;
        }
    }

    /// <summary>Whether the birth date the archive writes contradicts the one in its ID number (the parts given are compared).</summary>
    public static bool BirthConflicts(PartialDate? written, DateOnly? fromNumber) =>
        written is { } b && fromNumber is { } n && (b.Year != n.Year || (b.Month is { } m && m != n.Month) || (b.Day is { } d && d != n.Day));

    public static string Text(PartialDate p) => p.Month is not { } m ? $"{p.Year}年" : p.Day is not { } d ? $"{p.Year}年{m}月" : $"{p.Year}年{m}月{d}日";

    /// <summary>Whether <paramref name="type"/> begins a marriage (so the status before it matters).</summary>
    public static bool StartsMarriage(string type) => type is "marriage" or "remarriage";

    /// <summary>The required fields the record lacks (MZ/T 113-2018: both names, birth dates, ethnicity, nationality, the status before a marriage, a number or its anomaly code).</summary>
    public static List<string> Missing(QualityRow r)
    {
        var missing = new List<string>();
        foreach (var (label, p) in new[] { ("甲方", r.A), ("乙方", r.B) })
        {
            if (string.IsNullOrWhiteSpace(p.Name)) missing.Add(label + "姓名");
            if (p.Birth is null) missing.Add(label + "出生日期");
            if (p.Ethnicity is null) missing.Add(label + "民族");
            if (p.Nationality is null) missing.Add(label + "国籍");
            if (StartsMarriage(r.Type) && p.MaritalBefore is null) missing.Add(label + "登记前婚姻状况");
            if (!p.HasNumber && p.AnomalyCode is null) missing.Add(label + "身份证号或异常情况代码");
        }
        if (string.IsNullOrWhiteSpace(r.RegistryName)) missing.Add("登记机关");
        return missing;
    }

    /// <summary>
    /// The data-quality findings over a set of records (one county's, or the user's scope): missing required fields, impossible
    /// dates (outside 1950–2001, before a party's 18th birthday, a divorce before the same couple's marriage), duplicates (the
    /// same archive number in a county; the same two names on the same day), records whose party matches a live registry
    /// person, and a birth date that contradicts the ID number.
    /// </summary>
    public static List<QualityFinding> Assess(IReadOnlyList<QualityRow> rows)
    {
        var findings = new List<QualityFinding>();
        void Add(QualityRow r, string kind, string text) => findings.Add(new QualityFinding(r.Id, r.ArchiveNumber, kind, text));

        foreach (var r in rows)
        {
            var missing = Missing(r);
            if (missing.Count > 0) Add(r, MissingFields, "缺少" + string.Join("、", missing));
            if (r.RegisteredOn < ScopeFrom || r.RegisteredOn > ScopeTo) Add(r, ImpossibleDate, $"登记日期 {r.RegisteredOn:yyyy-MM-dd} 不在补录范围（1950年至2001年）内");
            foreach (var (label, p) in new[] { ("甲方", r.A), ("乙方", r.B) })
            {
                // with a partial date, the earliest day it can mean: flagged only when even that birth is under 18 on the day
                if (p.Birth is { } birth && birth.Earliest.AddYears(ImpossibleAge) > r.RegisteredOn)
                {
                    Add(r, ImpossibleDate, birth.Earliest > r.RegisteredOn
                        ? $"{label}出生日期（{Text(birth)}）晚于登记日期"
                        : $"{label}登记时未满{ImpossibleAge}周岁（出生 {Text(birth)}）");
                }
                if (p.BirthConflictsNumber) Add(r, BirthMismatch, $"{label}出生日期与身份证号中的出生日期不符");
                if (p.PersonId is not null) Add(r, RegistryMatch, $"{label}与人口信息库中的人员身份证号一致");
            }
        }

        foreach (var g in rows.GroupBy(r => (r.DivisionCode, Archive: r.ArchiveNumber.Trim())).Where(g => g.Count() > 1))
        {
            foreach (var r in g) Add(r, Duplicate, $"档案号 {g.Key.Archive} 在本县共有 {g.Count()} 条记录");
        }
        static string Couple(QualityRow r) => string.CompareOrdinal(r.A.Name, r.B.Name) <= 0 ? r.A.Name + "|" + r.B.Name : r.B.Name + "|" + r.A.Name;
        foreach (var g in rows.GroupBy(r => (Couple(r), r.RegisteredOn, r.Type)).Where(g => g.Count() > 1 && g.Select(r => r.ArchiveNumber).Distinct().Count() > 1))
        {
            foreach (var r in g) Add(r, Duplicate, $"当事人与登记日期相同的记录共 {g.Count()} 条（档案号 {string.Join("、", g.Select(x => x.ArchiveNumber))}）");
        }
        foreach (var g in rows.GroupBy(Couple))
        {
            var marriages = g.Where(r => StartsMarriage(r.Type)).ToList();
            if (marriages.Count == 0) continue;
            var first = marriages.Min(r => r.RegisteredOn);
            foreach (var d in g.Where(r => r.Type == "divorce" && r.RegisteredOn < first))
            {
                Add(d, ImpossibleDate, $"离婚登记日期 {d.RegisteredOn:yyyy-MM-dd} 早于双方的结婚登记日期 {first:yyyy-MM-dd}");
            }
        }
        return findings;
    }
}
