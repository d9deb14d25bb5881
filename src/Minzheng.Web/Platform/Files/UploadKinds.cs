using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Platform.Files;

/// <summary>
/// What one upload field takes: its extensions (the page's <c>accept</c> list is <see cref="Accept"/>, so the page and the server
/// read the same list) and how the page names them. The file's content is checked against its extension by <see cref="FileStore"/>.
/// </summary>
public sealed record UploadKind(string Description, IReadOnlyList<string> Extensions)
{
    /// <summary>The <c>accept</c> attribute of the field's <c>&lt;input type="file"&gt;</c>.</summary>
    public string Accept => string.Join(",", Extensions);

    /// <summary>What the page says beside the field, e.g. "PDF 或图片（.pdf、.jpg、.jpeg、.png），20 MB 以内".</summary>
    public string Hint => $"{Description}（{string.Join("、", Extensions)}），{FileStore.MaxBytes / 1024 / 1024} MB 以内";

    public bool Allows(string fileName) => Extensions.Contains(Path.GetExtension(fileName), StringComparer.OrdinalIgnoreCase);

    /// <summary>Why this field does not take <paramref name="fileName"/>, or null when it does: for forms that collect every error at once.</summary>
    public string? Refusal(string fileName) =>
        Allows(fileName) ? null : $"不支持的文件类型“{Path.GetExtension(fileName)}”，此处只能上传{Description}（{string.Join("、", Extensions)}）";

    /// <summary>Refuses a file this field does not take, beside the field <paramref name="field"/>.</summary>
    public void EnsureAllowed(string field, string fileName)
    {
        if (Refusal(fileName) is { } refusal) throw AppProblem.Field(field, refusal, "file_type_not_allowed");
    }
}

public static class UploadKinds
{
    /// <summary>Evidence for a case (病历、收入证明…): documents and photos.</summary>
    public static readonly UploadKind Materials = new("PDF 或图片", [".pdf", ".jpg", ".jpeg", ".png"]);

    /// <summary>Imports and bank return files.</summary>
    public static readonly UploadKind Spreadsheets = new("Excel 或 CSV 表格", [".xlsx", ".csv"]);
}
