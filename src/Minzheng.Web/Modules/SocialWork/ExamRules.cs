namespace Minzheng.Web.Modules.SocialWork;

/// <summary>
/// The pass rules of the national social-work exam (社会工作者职业水平评价, rules-2.md §6.5): each subject is scored out of 100 and
/// passed at the pass mark (a figure, 60); 助理社会工作师 needs both of its subjects passed in ONE exam year; 社会工作师 needs its
/// three subjects passed within TWO consecutive years (a rolling window: a pass older than the window lapses); 高级社会工作师's
/// 实务（高级） pass stays valid for 评审 for three years. Pure: the caller reads the pass mark of each year from the figure book.
/// </summary>
public static class ExamRules
{
    public sealed record Attempt(int Year, ExamSubject Subject, decimal Score);

    /// <summary>The highest level the exam record earns, the year it was earned, and the senior practice pass and its validity.</summary>
    public sealed record Outcome(QualificationLevel Level, int? LevelYear, int? SeniorPassYear, bool SeniorPassValid);

    /// <summary>助理: both subjects in one exam year.</summary>
    public const int AssistantWindowYears = 1;

    /// <summary>社会工作师: all three subjects within two consecutive exam years.</summary>
    public const int IntermediateWindowYears = 2;

    /// <summary>实务（高级）: the pass is valid for 评审 for three years (the year passed and the two after).</summary>
    public const int SeniorValidYears = 3;

    public static readonly IReadOnlyList<ExamSubject> AssistantSubjects = [ExamSubject.AssistantComprehensive, ExamSubject.AssistantPractice];

    public static readonly IReadOnlyList<ExamSubject> IntermediateSubjects =
        [ExamSubject.IntermediateComprehensive, ExamSubject.IntermediatePractice, ExamSubject.IntermediateRegulations];

    public static bool Passed(decimal score, decimal passMark) => score >= passMark;

    public static QualificationLevel LevelOf(ExamSubject subject) => ((int)subject / 10) switch
    {
        1 => QualificationLevel.Assistant,
        2 => QualificationLevel.Intermediate,
        _ => QualificationLevel.Senior,
    };

    /// <summary>
    /// The first year in which every one of <paramref name="subjects"/> had been passed within the last <paramref name="window"/>
    /// exam years (that year included), or null.
    /// </summary>
    public static int? WindowYear(IEnumerable<Attempt> attempts, Func<int, decimal> passMark, IReadOnlyList<ExamSubject> subjects, int window)
    {
        var passes = attempts.Where(a => subjects.Contains(a.Subject) && Passed(a.Score, passMark(a.Year))).ToList();
        foreach (var year in passes.Select(p => p.Year).Distinct().Order())
        {
            var inWindow = passes.Where(p => p.Year <= year && p.Year > year - window).Select(p => p.Subject).ToHashSet();
            if (subjects.All(inWindow.Contains)) return year;
        }
        return null;
    }

    public static Outcome Evaluate(IReadOnlyCollection<Attempt> attempts, Func<int, decimal> passMark, int asOfYear)
    {
        var assistant = WindowYear(attempts, passMark, AssistantSubjects, AssistantWindowYears);
        var intermediate = WindowYear(attempts, passMark, IntermediateSubjects, IntermediateWindowYears);
        int? senior = attempts.Where(a => a.Subject == ExamSubject.SeniorPractice && Passed(a.Score, passMark(a.Year)))
            .Select(a => (int?)a.Year).Max();
        var seniorValid = senior is { } s && asOfYear >= s && asOfYear - s < SeniorValidYears;
        // 高级 itself is conferred by 评审 after the exam, so the exam alone earns at most 社会工作师
        var (level, year) = intermediate is { } i ? (QualificationLevel.Intermediate, (int?)i)
            : assistant is { } a ? (QualificationLevel.Assistant, (int?)a)
            : (QualificationLevel.None, null);
        return new Outcome(level, year, senior, seniorValid);
    }

    /// <summary>
    /// The exam result of a 考前培训 participant for one exam year and level: sat (any subject of the level that year) and passed
    /// (the level's window completed in that very year; a level completed earlier or later is not this year's pass).
    /// </summary>
    public static (bool Sat, bool Passed) TrainingOutcome(IReadOnlyCollection<Attempt> attempts, Func<int, decimal> passMark, QualificationLevel level, int year)
    {
        var (subjects, window) = level == QualificationLevel.Intermediate ? (IntermediateSubjects, IntermediateWindowYears) : (AssistantSubjects, AssistantWindowYears);
        var sat = attempts.Any(a => a.Year == year && subjects.Contains(a.Subject));
        return (sat, sat && WindowYear(attempts.Where(a => a.Year <= year), passMark, subjects, window) == year);
    }

    /// <summary>The qualification held: the higher of the certificate on record and the exam record.</summary>
    public static QualificationLevel Held(QualificationLevel certificate, Outcome exams) => certificate > exams.Level ? certificate : exams.Level;

    public static string Name(QualificationLevel level) => level switch
    {
        QualificationLevel.Assistant => "助理社会工作师",
        QualificationLevel.Intermediate => "社会工作师",
        QualificationLevel.Senior => "高级社会工作师",
        _ => "无",
    };

    public static string Name(ExamSubject subject) => subject switch
    {
        ExamSubject.AssistantComprehensive => "社会工作综合能力（初级）",
        ExamSubject.AssistantPractice => "社会工作实务（初级）",
        ExamSubject.IntermediateComprehensive => "社会工作综合能力（中级）",
        ExamSubject.IntermediatePractice => "社会工作实务（中级）",
        ExamSubject.IntermediateRegulations => "社会工作法规与政策（中级）",
        _ => "社会工作实务（高级）",
    };
}

/// <summary>
/// 报考条件 (rules-2.md §6.5 "Entry"): the years of social work needed before sitting an exam, by education. Pure.
/// 助理: 高中 4; social-work 大专 2; social-work 本科 0 (graduates); other 大专 4, other 本科 2.
/// 中级: 高中 + 助理 6; social-work 大专 4, 本科 3, 硕士 1, 博士 0; other majors two more years.
/// 高级: 本科 and 5 years after 社会工作师.
/// </summary>
public static class ExamEntry
{
    public enum Education
    {
        HighSchool = 1,
        College = 2,
        Bachelor = 3,
        Master = 4,
        Doctor = 5,
    }

    /// <summary>The years of social work needed, or null when the education does not qualify for the level.</summary>
    public static int? YearsNeeded(QualificationLevel level, Education education, bool socialWorkMajor, QualificationLevel held) => level switch
    {
        QualificationLevel.Assistant => education switch
        {
            Education.HighSchool => 4,
            Education.College => socialWorkMajor ? 2 : 4,
            _ => socialWorkMajor ? 0 : 2,
        },
        QualificationLevel.Intermediate => education switch
        {
            Education.HighSchool => held >= QualificationLevel.Assistant ? 6 : null,
            Education.College => socialWorkMajor ? 4 : 6,
            Education.Bachelor => socialWorkMajor ? 3 : 5,
            Education.Master => socialWorkMajor ? 1 : 3,
            _ => socialWorkMajor ? 0 : 2,
        },
        QualificationLevel.Senior => education >= Education.Bachelor && held >= QualificationLevel.Intermediate ? 5 : null,
        _ => 0,
    };

    public static bool MayEnter(QualificationLevel level, Education education, bool socialWorkMajor, QualificationLevel held, int yearsOfWork) =>
        YearsNeeded(level, education, socialWorkMajor, held) is { } n && yearsOfWork >= n;
}
