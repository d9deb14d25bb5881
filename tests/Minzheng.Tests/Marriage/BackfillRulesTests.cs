using Minzheng.Web.Modules.Marriage.Backfill;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Tests.Marriage;

/// <summary>
/// MZ/T 113-2018 backfill rules as tables: which archive ID numbers are accepted and with which anomaly code (18 digits verified,
/// 15 digits as an old number, none only with a code, an invalid 18-digit number refused), partial birth dates, and the
/// data-quality findings (missing fields, impossible dates, duplicates, registry matches, a birth date against its number).
/// </summary>
public sealed class BackfillRulesTests
{
    private static readonly string Valid18 = IdNumber.Compose("450921", new DateOnly(1960, 3, 1), 123);

    private static (ArchiveIdentity? Identity, Dictionary<string, string> Errors) Read(string? number, string? anomaly)
    {
        var errors = new Dictionary<string, string>();
        var identity = BackfillRules.ReadIdentity(number, anomaly, (f, m) => errors[f] = m);
        return (identity, errors);
    }

    [Fact]
    public void A_verified_18_digit_number_is_accepted_without_a_code()
    {
        var (id, errors) = Read(Valid18, null);
        Assert.Empty(errors);
        Assert.Equal(Valid18, id!.AsWritten);
        Assert.Equal(Valid18, id.Normalised);
        Assert.Null(id.AnomalyCode);
        Assert.Equal(new DateOnly(1960, 3, 1), id.BirthFromNumber);
    }

    [Theory]
    [InlineData(null, "old-15")]
    [InlineData("15位旧号", "old-15")]
    [InlineData("字迹不清", "illegible")]
    public void A_15_digit_number_is_accepted_as_written_with_its_anomaly_code(string? anomaly, string expected)
    {
        var (id, errors) = Read("452526590301123", anomaly);
        Assert.Empty(errors);
        // kept as the archive writes it; the 18-digit form only feeds the lookup hash
        Assert.Equal("452526590301123", id!.AsWritten);
        Assert.Equal(18, id.Normalised!.Length);
        Assert.StartsWith("45252619590301123", id.Normalised, StringComparison.Ordinal);
        Assert.Equal(expected, id.AnomalyCode);
    }

    [Theory]
    [InlineData("4509211960030112", null, "idNumber", "18位")]
    [InlineData("452526591301123", null, "idNumber", "出生日期")]          // 15 digits with month 13
    [InlineData(null, null, "anomalyCode", "异常情况代码")]                  // no number needs a code
    [InlineData("", "", "anomalyCode", "异常情况代码")]
    [InlineData(null, "15位旧号", "anomalyCode", "15位")]                   // the old-number code needs the number
    [InlineData(null, "遗失", "anomalyCode", "无法识别")]
    public void Invalid_numbers_and_missing_codes_are_refused_on_their_field(string? number, string? anomaly, string field, string fragment)
    {
        var (id, errors) = Read(number, anomaly);
        Assert.Null(id);
        Assert.Contains(fragment, errors[field], StringComparison.Ordinal);
    }

    [Fact]
    public void An_18_digit_number_with_a_wrong_check_character_is_refused_never_corrected()
    {
        var wrong = Valid18[..17] + (Valid18[17] == '0' ? '1' : '0');
        var (id, errors) = Read(wrong, null);
        Assert.Null(id);
        Assert.Contains("校验码", errors["idNumber"], StringComparison.Ordinal);
        Assert.Contains("原档证号有误", errors["idNumber"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_with_a_no_number_code_is_contradictory()
    {
        var (id, errors) = Read(Valid18, "无身份证号");
        Assert.Null(id);
        Assert.Contains("anomalyCode", errors.Keys);
        Assert.Contains("anomalyCode", Read(Valid18, "15位旧号").Errors.Keys);
    }

    [Theory]
    [InlineData("无身份证号", "no-id")]
    [InlineData("no-id", "no-id")]
    [InlineData("原档证号有误（未录入）", "id-wrong")]
    public void No_number_is_accepted_with_a_code_and_nothing_invented(string anomaly, string expected)
    {
        var (id, errors) = Read(null, anomaly);
        Assert.Empty(errors);
        Assert.Null(id!.AsWritten);
        Assert.Null(id.Normalised);
        Assert.Equal(expected, id.AnomalyCode);
    }

    [Theory]
    [InlineData("1950", 1950, null, null)]
    [InlineData("1950年", 1950, null, null)]
    [InlineData("1950-03", 1950, 3, null)]
    [InlineData("1950年3月", 1950, 3, null)]
    [InlineData("1950-03-12", 1950, 3, 12)]
    [InlineData("19500312", 1950, 3, 12)]
    public void Partial_birth_dates_are_read(string text, int year, int? month, int? day)
    {
        var birth = BackfillRules.ReadBirth(text, m => Assert.Fail(m));
        Assert.Equal(new PartialDate(year, month, day), birth);
    }

    [Theory]
    [InlineData("1950-13")]
    [InlineData("五十年")]
    [InlineData("2030")]
    [InlineData("1950-02-30")]
    public void Unreadable_birth_dates_are_refused(string text)
    {
        string? error = null;
        Assert.Null(BackfillRules.ReadBirth(text, m => error = m));
        Assert.NotNull(error);
    }

    [Theory]
    [InlineData(1960, 3, 1, false)]
    [InlineData(1960, 3, null, false)]
    [InlineData(1960, null, null, false)]
    [InlineData(1961, null, null, true)]
    [InlineData(1960, 4, null, true)]
    [InlineData(1960, 3, 2, true)]
    public void A_written_birth_date_is_compared_with_the_number_on_the_parts_given(int year, int? month, int? day, bool conflicts) =>
        Assert.Equal(conflicts, BackfillRules.BirthConflicts(new PartialDate(year, month, day), new DateOnly(1960, 3, 1)));

    private static QualityParty Party(string name, int? birthYear = 1960, int? month = 3, int? day = 1, bool hasNumber = true, string? anomaly = null, Guid? person = null,
        string? ethnicity = "01", string? marital = "10", bool conflict = false) =>
        new(name, hasNumber, anomaly, birthYear, month, day, ethnicity, "CHN", marital, person, conflict);

    private static QualityRow Row(string archive, DateOnly on, string type = "marriage", QualityParty? a = null, QualityParty? b = null, string county = "450921000000") =>
        new(Guid.NewGuid(), archive, county, "容县婚姻登记处", on, type, false, a ?? Party("甲"), b ?? Party("乙"));

    [Fact]
    public void A_complete_record_has_no_findings() => Assert.Empty(BackfillRules.Assess([Row("A1", new DateOnly(1985, 5, 1))]));

    private static readonly (QualityRow Row, string Kind, string Fragment)[] Findings =
    [
        (Row("M1", new DateOnly(1985, 5, 1), a: Party("甲", ethnicity: null)), BackfillRules.MissingFields, "甲方民族"),
        (Row("M2", new DateOnly(1985, 5, 1), b: Party("乙", birthYear: null)), BackfillRules.MissingFields, "乙方出生日期"),
        (Row("M3", new DateOnly(1985, 5, 1), a: Party("甲", marital: null)), BackfillRules.MissingFields, "登记前婚姻状况"),
        (Row("M4", new DateOnly(1985, 5, 1), a: Party("甲", hasNumber: false)), BackfillRules.MissingFields, "身份证号或异常情况代码"),
        (Row("D1", new DateOnly(1949, 12, 31)), BackfillRules.ImpossibleDate, "1950年至2001年"),
        (Row("D2", new DateOnly(2002, 1, 1)), BackfillRules.ImpossibleDate, "1950年至2001年"),
        // born 1960-03-01: 18 on 1978-03-01, so a registration the day before is impossible on its face
        (Row("D3", new DateOnly(1978, 2, 28)), BackfillRules.ImpossibleDate, "甲方登记时未满18周岁"),
        (Row("D4", new DateOnly(1958, 2, 28)), BackfillRules.ImpossibleDate, "晚于登记日期"),
        // a year only: flagged only when even 1 January of that year is under 18 on the day
        (Row("D5", new DateOnly(1977, 12, 31), b: Party("乙", 1960, null, null, anomaly: "birth-partial")), BackfillRules.ImpossibleDate, "乙方登记时未满18周岁"),
        (Row("R1", new DateOnly(1985, 5, 1), a: Party("甲", person: Guid.NewGuid())), BackfillRules.RegistryMatch, "甲方"),
        (Row("B1", new DateOnly(1985, 5, 1), a: Party("甲", conflict: true)), BackfillRules.BirthMismatch, "甲方"),
    ];

    [Fact]
    public void Quality_findings_name_what_is_wrong()
    {
        foreach (var (row, kind, fragment) in Findings)
        {
            var findings = BackfillRules.Assess([row]);
            Assert.True(findings.Any(f => f.Kind == kind && f.Text.Contains(fragment, StringComparison.Ordinal)),
                $"{row.ArchiveNumber}: expected {kind} “{fragment}”, got {string.Join("；", findings.Select(f => f.Kind + " " + f.Text))}");
        }
    }

    [Fact]
    public void The_boundary_day_and_a_partial_year_that_may_be_adult_are_not_flagged()
    {
        Assert.Empty(BackfillRules.Assess([Row("E1", new DateOnly(1978, 3, 1))]));
        // born some day of 1960: on 1978-06-01 the person may already be 18 — benefit of the doubt
        Assert.Empty(BackfillRules.Assess([Row("E2", new DateOnly(1978, 6, 1), b: Party("乙", 1960, null, null, anomaly: "birth-partial"))]));
    }

    [Fact]
    public void Duplicates_by_archive_number_in_a_county_and_by_couple_and_date()
    {
        var day = new DateOnly(1990, 10, 3);
        var rows = new[]
        {
            Row("X1", day, a: Party("张三"), b: Party("李四")),
            Row("X1", new DateOnly(1991, 1, 1), a: Party("王五"), b: Party("赵六")),
            Row("X1", day, a: Party("王五"), b: Party("赵六"), county: "450981000000"), // another county's X1 is not a duplicate
            Row("X2", day, a: Party("李四"), b: Party("张三")),                         // same couple (either order) and day
        };
        var duplicates = BackfillRules.Assess(rows).Where(f => f.Kind == BackfillRules.Duplicate).ToList();
        Assert.Equal(2, duplicates.Count(f => f.Text.Contains("档案号 X1 在本县", StringComparison.Ordinal)));
        Assert.Equal(2, duplicates.Count(f => f.Text.Contains("当事人与登记日期相同", StringComparison.Ordinal)));
        Assert.DoesNotContain(duplicates, f => f.RecordId == rows[2].Id);
    }

    [Fact]
    public void A_divorce_before_the_couples_marriage_is_impossible()
    {
        var rows = new[]
        {
            Row("W1", new DateOnly(1985, 5, 1), a: Party("甲"), b: Party("乙")),
            Row("W2", new DateOnly(1984, 1, 1), "divorce", a: Party("乙"), b: Party("甲")),
            Row("W3", new DateOnly(1990, 1, 1), "divorce", a: Party("甲"), b: Party("乙")),
        };
        var findings = BackfillRules.Assess(rows).Where(f => f.Kind == BackfillRules.ImpossibleDate).ToList();
        Assert.Single(findings);
        Assert.Equal(rows[1].Id, findings[0].RecordId);
        Assert.Contains("早于双方的结婚登记日期", findings[0].Text, StringComparison.Ordinal);
    }
}
