namespace Minzheng.Web.Platform.Imports;

public static class ImportLabels
{
    public static string Of(ImportStatus s) => s switch
    {
        ImportStatus.Uploaded => "待选择列",
        ImportStatus.Validating => "校验中",
        ImportStatus.Validated => "已校验",
        ImportStatus.Committing => "导入中",
        ImportStatus.Committed => "已导入",
        ImportStatus.Failed => "失败",
        _ => "已取消",
    };
}
