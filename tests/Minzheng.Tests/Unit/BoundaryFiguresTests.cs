using Minzheng.Web.Modules.Geography.Boundaries;

namespace Minzheng.Tests.Unit;

/// <summary>《行政区域界线管理条例》第十二条: the next joint round is the last one's year plus the period in force; none without either.</summary>
public sealed class BoundaryFiguresTests
{
    [Theory]
    [InlineData(2020, 5, 2025)]
    [InlineData(2015, 5, 2020)]
    [InlineData(2020, 3, 2023)]
    [InlineData(null, 5, null)]
    [InlineData(2020, null, null)]
    [InlineData(2020, 0, null)]
    [InlineData(2020, -5, null)]
    public void Next_joint_round(int? last, int? years, int? due) => Assert.Equal(due, BoundaryFigures.NextJointYear(last, years));
}
