using Minzheng.Web.Platform.Figures;

namespace Minzheng.Web.Modules.Marriage.Backfill;

/// <summary>
/// The backfill's figure: how many archive records a county's registry holds to enter (the progress bar's whole). An
/// effective-dated figure per county because the count is revised as the archive rooms are inventoried; the demo ships
/// 演示数据 rows (the real counts come from each county's inventory).
/// </summary>
public static class BackfillFigures
{
    public static readonly FigureKind ArchiveCount = new(MarriageFigures.Module, "backfill-archive-count", "历史婚姻登记档案补录任务数（1950—2001年，件）", "件");

    public static readonly IReadOnlyList<FigureKind> All = [ArchiveCount];
}
