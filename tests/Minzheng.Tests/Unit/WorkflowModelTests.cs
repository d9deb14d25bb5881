using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Tests.Unit;

public sealed class WorkflowModelTests
{
    [Fact]
    public void The_test_process_is_consistent() => Assert.Empty(TestProcess.Model.Validate());

    [Fact]
    public void Inconsistent_definitions_are_reported()
    {
        var broken = TestProcess.Model with
        {
            InitialState = "nowhere",
            Transitions = [.. TestProcess.Model.Transitions, new TransitionModel("approved", "reopen", "重新打开", "ghost", "")],
        };
        var problems = broken.Validate();
        Assert.Contains(problems, p => p.Contains("初始状态", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("ghost", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("未声明权限", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("终止状态", StringComparison.Ordinal));
        Assert.Throws<InvalidOperationException>(() => new ProcessCatalog([broken]));
    }
}
