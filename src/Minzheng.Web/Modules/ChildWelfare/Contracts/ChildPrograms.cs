namespace Minzheng.Web.Modules.ChildWelfare.Contracts;

/// <summary>The codes under which child welfare publishes its allowances as entitlements.</summary>
public static class ChildPrograms
{
    /// <summary>孤儿基本生活费.</summary>
    public const string Orphan = "orphan";

    /// <summary>事实无人抚养儿童基本生活补贴.</summary>
    public const string Unsupported = "unsupported-child";
}
