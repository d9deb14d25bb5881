using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Platform.Audit.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + Permissions.AuditRead)]
public sealed class IndexModel(AuditQueries queries, AuditSealer sealer, Data.AppDbContext db) : PageModel
{
    public static readonly IReadOnlyList<(string Code, string Label)> ActionLabels =
    [
        ("insert", "新增"), ("update", "修改"), ("delete", "删除"), ("sign_in", "登录"), ("sign_in_failed", "登录失败"),
        ("sign_in_locked", "登录被锁定"), ("sign_out", "退出"), ("reveal", "查看完整号码"), ("export", "导出"), ("password_change", "修改密码"),
    ];

    public IReadOnlyList<(string Code, string Label)> Actions => ActionLabels;
    public AuditFilter Filter { get; private set; } = new();
    public Paged<AuditEntry> Result { get; private set; } = new([], 0, 1, 50);
    public AuditSealer.VerifyResult? Verification { get; private set; }

    public string ActionName(string code) => ActionLabels.FirstOrDefault(a => a.Code == code).Label ?? code;

    private Dictionary<Guid, string> _accounts = [];

    /// <summary>Who acted, as staff may read it: a citizen by name with the phone masked (the entry keeps the account id and login).</summary>
    public string UserLabel(AuditEntry e) => e.UserId is { } id && _accounts.TryGetValue(id, out var label) ? label : AccountLabels.MaskPhones(e.UserName);

    public async Task OnGetAsync(string? userName, string? action, string? entityType, string? entityId, DateOnly? from, DateOnly? to, [FromQuery] int? page)
    {
        Filter = new AuditFilter { UserName = userName, Action = action, EntityType = entityType, EntityId = entityId, From = from, To = to };
        Result = await queries.SearchAsync(Filter, PageRequest.From(page, 50), HttpContext.RequestAborted);
        await LabelAsync();
    }

    private async Task LabelAsync() =>
        _accounts = await AccountLabels.OfAccountsAsync(db, Result.Items.Select(e => e.UserId).OfType<Guid>(), HttpContext.RequestAborted);

    public async Task OnPostVerifyAsync()
    {
        Verification = await sealer.VerifyAsync(HttpContext.RequestAborted);
        Result = await queries.SearchAsync(Filter, PageRequest.From(1, 50), HttpContext.RequestAborted);
        await LabelAsync();
    }
}
