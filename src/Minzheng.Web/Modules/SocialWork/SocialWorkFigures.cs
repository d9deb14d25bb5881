using Minzheng.Web.Platform.Figures;

namespace Minzheng.Web.Modules.SocialWork;

/// <summary>The effective-dated figures of social work in the one figure book (rules-2.md §6.5 and §8).</summary>
public static class SocialWorkFigures
{
    public const string Module = "socialwork";

    /// <summary>The pass mark of each exam subject (each scored out of 100): 60, CONFIRMED-S.</summary>
    public static readonly FigureKind ExamPassMark = new(Module, "exam-pass-mark", "社会工作者职业水平考试各科目合格分数线（满分100）", "分");

    /// <summary>The work plan's target of new 乡镇（街道）社工站 in the year it is in force (PLAN, chapter 八).</summary>
    public static readonly FigureKind NewStationsTarget = new(Module, "new-stations-target", "年度新建乡镇（街道）社工站计划目标", "个");

    public static readonly IReadOnlyList<FigureKind> All = [ExamPassMark, NewStationsTarget];
}
