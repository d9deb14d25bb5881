using Minzheng.Web.Modules.SocialWork;
using static Minzheng.Web.Modules.SocialWork.ExamSubject;

namespace Minzheng.Tests.SocialWork;

/// <summary>The pass windows of the social-work exam (rules-2.md §6.5), table-tested with the pass mark at 60.</summary>
public sealed class ExamRulesTests
{
    private static ExamRules.Outcome Eval(int asOf, params (int Year, ExamSubject Subject, decimal Score)[] attempts) =>
        ExamRules.Evaluate([.. attempts.Select(a => new ExamRules.Attempt(a.Year, a.Subject, a.Score))], _ => 60m, asOf);

    public static TheoryData<string, (int, ExamSubject, decimal)[], QualificationLevel, int?> Cases => new()
    {
        { "nothing sat", [], QualificationLevel.None, null },
        { "助理: both in one year", [(2024, AssistantComprehensive, 60), (2024, AssistantPractice, 75)], QualificationLevel.Assistant, 2024 },
        { "助理: 59.9 fails", [(2024, AssistantComprehensive, 59.9m), (2024, AssistantPractice, 75)], QualificationLevel.None, null },
        { "助理: passes in two different years do not count", [(2023, AssistantComprehensive, 80), (2024, AssistantPractice, 80)], QualificationLevel.None, null },
        { "助理: a later year with both", [(2023, AssistantComprehensive, 80), (2024, AssistantPractice, 80), (2025, AssistantComprehensive, 61), (2025, AssistantPractice, 62)], QualificationLevel.Assistant, 2025 },
        { "中级: all three in one year", [(2024, IntermediateComprehensive, 60), (2024, IntermediatePractice, 60), (2024, IntermediateRegulations, 60)], QualificationLevel.Intermediate, 2024 },
        { "中级: over two consecutive years", [(2023, IntermediateComprehensive, 70), (2024, IntermediatePractice, 66), (2024, IntermediateRegulations, 61)], QualificationLevel.Intermediate, 2024 },
        { "中级: spread over three years fails", [(2022, IntermediateComprehensive, 70), (2023, IntermediatePractice, 66), (2024, IntermediateRegulations, 61)], QualificationLevel.None, null },
        { "中级: the lapsed subject passed again inside the window", [(2022, IntermediateComprehensive, 70), (2023, IntermediatePractice, 66), (2024, IntermediateRegulations, 61), (2024, IntermediateComprehensive, 64)], QualificationLevel.Intermediate, 2024 },
        { "中级: a failed subject in the window does not count", [(2023, IntermediateComprehensive, 70), (2024, IntermediatePractice, 66), (2024, IntermediateRegulations, 40)], QualificationLevel.None, null },
        { "中级 outranks 助理", [(2020, AssistantComprehensive, 60), (2020, AssistantPractice, 60), (2021, IntermediateComprehensive, 60), (2021, IntermediatePractice, 60), (2022, IntermediateRegulations, 60)], QualificationLevel.Intermediate, 2022 },
        { "高级 exam alone confers no level", [(2024, SeniorPractice, 90)], QualificationLevel.None, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Level_from_the_exam_record(string why, (int, ExamSubject, decimal)[] attempts, QualificationLevel level, int? year)
    {
        var outcome = Eval(2026, attempts);
        Assert.True(level == outcome.Level, why);
        Assert.True(year == outcome.LevelYear, why);
    }

    [Theory]
    [InlineData(2024, 2024, true)]
    [InlineData(2024, 2026, true)]
    [InlineData(2024, 2027, false)]
    [InlineData(2024, 2023, false)]
    public void Senior_practice_pass_is_valid_three_years(int passed, int asOf, bool valid)
    {
        var outcome = Eval(asOf, (passed, SeniorPractice, 60));
        Assert.Equal(passed, outcome.SeniorPassYear);
        Assert.Equal(valid, outcome.SeniorPassValid);
    }

    [Fact]
    public void Failed_senior_practice_is_no_pass_and_pass_mark_is_per_year()
    {
        Assert.Null(Eval(2026, (2025, SeniorPractice, 59)).SeniorPassYear);
        // a year whose pass mark is 65 fails a 62 that another year passes
        var attempts = new[] { new ExamRules.Attempt(2024, AssistantComprehensive, 62), new ExamRules.Attempt(2024, AssistantPractice, 70) };
        Assert.Equal(QualificationLevel.None, ExamRules.Evaluate(attempts, y => y == 2024 ? 65m : 60m, 2026).Level);
        Assert.Equal(QualificationLevel.Assistant, ExamRules.Evaluate(attempts, _ => 60m, 2026).Level);
    }

    [Theory]
    [InlineData(QualificationLevel.Senior, QualificationLevel.Assistant, QualificationLevel.Senior)]
    [InlineData(QualificationLevel.None, QualificationLevel.Intermediate, QualificationLevel.Intermediate)]
    [InlineData(QualificationLevel.Assistant, QualificationLevel.Assistant, QualificationLevel.Assistant)]
    public void Held_is_the_higher_of_certificate_and_exams(QualificationLevel certificate, QualificationLevel exams, QualificationLevel held) =>
        Assert.Equal(held, ExamRules.Held(certificate, new ExamRules.Outcome(exams, 2020, null, false)));

    [Theory]
    [InlineData(QualificationLevel.Assistant, ExamEntry.Education.HighSchool, false, QualificationLevel.None, 4)]
    [InlineData(QualificationLevel.Assistant, ExamEntry.Education.College, true, QualificationLevel.None, 2)]
    [InlineData(QualificationLevel.Assistant, ExamEntry.Education.Bachelor, true, QualificationLevel.None, 0)]
    [InlineData(QualificationLevel.Assistant, ExamEntry.Education.College, false, QualificationLevel.None, 4)]
    [InlineData(QualificationLevel.Assistant, ExamEntry.Education.Bachelor, false, QualificationLevel.None, 2)]
    [InlineData(QualificationLevel.Intermediate, ExamEntry.Education.HighSchool, false, QualificationLevel.Assistant, 6)]
    [InlineData(QualificationLevel.Intermediate, ExamEntry.Education.College, true, QualificationLevel.None, 4)]
    [InlineData(QualificationLevel.Intermediate, ExamEntry.Education.Bachelor, true, QualificationLevel.None, 3)]
    [InlineData(QualificationLevel.Intermediate, ExamEntry.Education.Master, true, QualificationLevel.None, 1)]
    [InlineData(QualificationLevel.Intermediate, ExamEntry.Education.Doctor, true, QualificationLevel.None, 0)]
    [InlineData(QualificationLevel.Intermediate, ExamEntry.Education.Bachelor, false, QualificationLevel.None, 5)]
    [InlineData(QualificationLevel.Senior, ExamEntry.Education.Bachelor, false, QualificationLevel.Intermediate, 5)]
    public void Entry_years_by_education(QualificationLevel level, ExamEntry.Education education, bool major, QualificationLevel held, int years)
    {
        Assert.Equal(years, ExamEntry.YearsNeeded(level, education, major, held));
        Assert.True(ExamEntry.MayEnter(level, education, major, held, years));
        if (years > 0) Assert.False(ExamEntry.MayEnter(level, education, major, held, years - 1));
    }

    [Theory]
    [InlineData(QualificationLevel.Intermediate, ExamEntry.Education.HighSchool, QualificationLevel.None)]
    [InlineData(QualificationLevel.Senior, ExamEntry.Education.College, QualificationLevel.Intermediate)]
    [InlineData(QualificationLevel.Senior, ExamEntry.Education.Bachelor, QualificationLevel.Assistant)]
    public void Entry_refused_without_the_education_or_level(QualificationLevel level, ExamEntry.Education education, QualificationLevel held) =>
        Assert.False(ExamEntry.MayEnter(level, education, false, held, 40));

    public static TheoryData<string, (int, ExamSubject, decimal)[], QualificationLevel, bool, bool> TrainingCases => new()
    {
        { "not sat", [], QualificationLevel.Assistant, false, false },
        { "助理 passed that year", [(2026, AssistantComprehensive, 70), (2026, AssistantPractice, 60)], QualificationLevel.Assistant, true, true },
        { "助理 one subject failed", [(2026, AssistantComprehensive, 70), (2026, AssistantPractice, 59.5m)], QualificationLevel.Assistant, true, false },
        { "sat another level only", [(2026, IntermediateComprehensive, 90)], QualificationLevel.Assistant, false, false },
        { "sat the year before only", [(2025, AssistantComprehensive, 70), (2025, AssistantPractice, 70)], QualificationLevel.Assistant, false, false },
        { "中级 completed with last year's passes", [(2025, IntermediateComprehensive, 70), (2026, IntermediatePractice, 61), (2026, IntermediateRegulations, 62)], QualificationLevel.Intermediate, true, true },
        { "中级 completed last year already", [(2025, IntermediateComprehensive, 70), (2025, IntermediatePractice, 61), (2025, IntermediateRegulations, 62), (2026, IntermediatePractice, 80)], QualificationLevel.Intermediate, true, false },
        { "中级 a later year's pass does not count", [(2026, IntermediateComprehensive, 70), (2026, IntermediatePractice, 61), (2027, IntermediateRegulations, 62)], QualificationLevel.Intermediate, true, false },
    };

    [Theory]
    [MemberData(nameof(TrainingCases))]
    public void Training_result_of_the_exam_year(string why, (int, ExamSubject, decimal)[] attempts, QualificationLevel level, bool sat, bool passed)
    {
        var outcome = ExamRules.TrainingOutcome([.. attempts.Select(a => new ExamRules.Attempt(a.Item1, a.Item2, a.Item3))], _ => 60m, level, 2026);
        Assert.True(sat == outcome.Sat, why);
        Assert.True(passed == outcome.Passed, why);
    }
}
