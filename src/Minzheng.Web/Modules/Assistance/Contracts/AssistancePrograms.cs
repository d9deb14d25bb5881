namespace Minzheng.Web.Modules.Assistance.Contracts;

/// <summary>The codes under which social assistance publishes its entitlements (what other modules may read of them).</summary>
public static class AssistancePrograms
{
    /// <summary>最低生活保障.</summary>
    public const string Dibao = "dibao";

    /// <summary>特困人员救助供养.</summary>
    public const string ExtremePoverty = "extreme-poverty";

    /// <summary>临时救助.</summary>
    public const string Temporary = "temporary";
}
