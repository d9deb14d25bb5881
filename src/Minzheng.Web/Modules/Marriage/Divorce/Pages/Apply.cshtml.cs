using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Marriage.Registry;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Modules.Marriage.Divorce.Pages;

/// <summary>受理离婚登记申请 (/marriage/divorces/new): the clerk records the application both parties make in person; the same use case as the API.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + MarriagePermissions.Register)]
public sealed class ApplyModel(DivorceApplications applications, AppDbContext db) : PageModel
{
    public sealed class FormInput
    {
        public Guid? OfficeId { get; set; }
        public Guid? MalePersonId { get; set; }
        public Guid? FemalePersonId { get; set; }
        public Guid? MarriageId { get; set; }
        public string? MarriageCertificateNumber { get; set; }
        public DateOnly? MarriedOn { get; set; }
        public string? ChildrenArrangement { get; set; }
        public string? PropertyArrangement { get; set; }
        public string? DebtArrangement { get; set; }
        public bool BothInPerson { get; set; } = true;
        public bool AgreementSigned { get; set; } = true;
        public bool BothFullCapacity { get; set; } = true;
        public bool MarriedInMainland { get; set; } = true;
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public List<MarriageOffice> Offices { get; private set; } = [];

    public async Task OnGetAsync(Guid? marriageId)
    {
        Input.MarriageId = marriageId;
        await LoadAsync();
    }

    private async Task LoadAsync() => Offices = await db.Set<MarriageOffice>().AsNoTracking().OrderBy(o => o.NumberCode).ToListAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync(); // the form re-renders with the offices when the use case refuses the input
        var i = Input;
        var a = await applications.ApplyAsync(new DivorceApplyInput(i.OfficeId, i.MalePersonId, i.FemalePersonId, i.MarriageId, i.MarriageCertificateNumber, i.MarriedOn,
            i.ChildrenArrangement, i.PropertyArrangement, i.DebtArrangement, i.BothInPerson, i.AgreementSigned, i.BothFullCapacity, i.MarriedInMainland), HttpContext.RequestAborted);
        return Redirect($"/marriage/divorces/{a.Id}");
    }
}
