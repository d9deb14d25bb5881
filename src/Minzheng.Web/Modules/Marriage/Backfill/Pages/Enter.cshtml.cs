using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Marriage.Registry;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Marriage.Backfill.Pages;

/// <summary>The entry form of one archive record (both parties), validated beside each field by the same use case as the API.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + BackfillPermissions.Enter)]
public sealed class EnterModel(HistoricalRecords records, AppDbContext db) : PageModel, IReloadAfterProblem
{
    public sealed class PartyForm
    {
        public string? Name { get; set; }
        public string? Sex { get; set; }
        public string? IdNumber { get; set; }
        public string? AnomalyCode { get; set; }
        public string? BirthDate { get; set; }
        public string? Ethnicity { get; set; } = "01";
        public string? Nationality { get; set; } = "CHN";
        public string? Occupation { get; set; }
        public string? MaritalBefore { get; set; }

        public PartyInput ToInput() => new(Name, Sex, IdNumber, AnomalyCode, BirthDate, Ethnicity, Nationality, Occupation, MaritalBefore);
    }

    public sealed class FormInput
    {
        public string? ArchiveNumber { get; set; }
        public DateOnly? RegisteredOn { get; set; }
        public Guid? OfficeId { get; set; }
        public string? RegistryName { get; set; }
        public string? DivisionCode { get; set; }
        public string? Type { get; set; } = "marriage";
        public PartyForm PartyA { get; set; } = new() { Sex = "男" };
        public PartyForm PartyB { get; set; } = new() { Sex = "女" };
        public string? Note { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public IReadOnlyList<MarriageOffice> Offices { get; private set; } = [];

    public Task OnGetAsync() => ReloadAfterProblemAsync(HttpContext.RequestAborted);

    public async Task ReloadAfterProblemAsync(CancellationToken ct) =>
        Offices = await db.Set<MarriageOffice>().AsNoTracking().OrderBy(o => o.DivisionCode).ToListAsync(ct);

    public async Task<IActionResult> OnPostAsync()
    {
        var r = await records.EnterAsync(new HistoricalRecordInput(Input.ArchiveNumber, Input.RegisteredOn, Input.OfficeId, Input.RegistryName, Input.DivisionCode, Input.Type,
            Input.PartyA.ToInput(), Input.PartyB.ToInput(), Input.Note), HttpContext.RequestAborted);
        TempData["Message"] = $"已录入档案 {r.ArchiveNumber}，待另一名工作人员校核";
        return Redirect("/marriage/backfill");
    }
}
