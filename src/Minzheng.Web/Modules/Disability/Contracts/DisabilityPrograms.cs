namespace Minzheng.Web.Modules.Disability.Contracts;

/// <summary>The codes under which the two disability subsidies publish their entitlements.</summary>
public static class DisabilityPrograms
{
    /// <summary>困难残疾人生活补贴.</summary>
    public const string Living = "disability-living";

    /// <summary>重度残疾人护理补贴.</summary>
    public const string Care = "disability-care";
}
