namespace Minzheng.Web.Platform.Data;

/// <summary>Small key/value facts about the installation itself (reference data versions, key check, seed state).</summary>
public sealed class PlatformSetting
{
    public required string Key { get; set; }
    public required string Value { get; set; }
    public DateTime UpdatedAt { get; set; }
}
