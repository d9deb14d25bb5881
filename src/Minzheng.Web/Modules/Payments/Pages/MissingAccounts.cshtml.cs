using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Payments.Pages;

/// <summary>The township's task list: who is not paid for want of a bank account, and for how many months.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + PaymentPermissions.MissingAccounts)]
public sealed class MissingAccountsModel(PaymentsQueries queries, EntitlementPrograms programs) : PageModel
{
    public Paged<MissingAccountRow> Result { get; private set; } = new([], 0, 1, 50);
    public string? Program { get; private set; }
    public IEnumerable<EntitlementProgram> Programs => programs.All;

    public async Task OnGetAsync(string? program, [FromQuery] int? page)
    {
        Program = programs.Find(program) is null ? null : program;
        Result = await queries.MissingAccountsAsync(Program, PageRequest.From(page, 50), HttpContext.RequestAborted);
    }
}
