using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Modules.Assistance.Cases;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Ui;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Modules.Assistance.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + AssistancePermissions.Read)]
public sealed class CasesModel(CaseQueries queries, DivisionDirectory divisions, ICurrentUser user) : PageModel
{
    public CaseFilter Filter { get; private set; } = new();
    public Paged<CaseRow> Result { get; private set; } = new([], 0, 1, 20);
    public IEnumerable<StateModel> StateOptions => AssistanceProcesses.Dibao.States.Concat(AssistanceProcesses.ExtremePoverty.States).Concat(AssistanceProcesses.Temporary.States).DistinctBy(s => s.Code);
    public DivisionFilter DivisionFilter => DivisionFilter.For(divisions, user, Filter.DivisionCode);

    public async Task OnGetAsync(AssistanceProgram? program, string? state, string? divisionCode, bool overdue, string? search, [FromQuery] int? page)
    {
        Filter = new CaseFilter { Program = program, State = state, DivisionCode = divisionCode, Overdue = overdue, Search = search };
        Result = await queries.SearchAsync(Filter, PageRequest.From(page, 20), HttpContext.RequestAborted);
    }
}
