using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Platform.Registry.Organizations.Pages;

/// <summary>Registers (no id) or changes (id) an organisation; the same use case as the API.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.OrganizationsWrite)]
public sealed class OrganizationFormModel(OrganizationRegistration registration, AppDbContext db, DivisionDirectory divisions, ICurrentUser user) : PageModel, IReloadAfterProblem
{
    /// <summary>Form fields; the same shape as the API's OrganizationInput.</summary>
    public sealed class FormInput
    {
        public string? CreditCode { get; set; }
        public string? Name { get; set; }
        public OrganizationKind? Kind { get; set; }
        public string? LegalRepresentativeName { get; set; }
        public string? DivisionCode { get; set; }
        public string? Address { get; set; }
        public string? Phone { get; set; }
        public string? BankName { get; set; }
        public string? BankAccount { get; set; }
        public DateOnly? RegisteredOn { get; set; }
        public DateOnly? ChangedOn { get; set; }
        public int? Version { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public string? StoredAccountMasked { get; private set; }
    public DivisionDirectory Divisions => divisions;

    /// <summary>Counties and townships within scope, each with its villages (an organisation registers at any of the three levels).</summary>
    public IEnumerable<Division> Places => divisions.All.Where(d => d.Level is DivisionLevel.County or DivisionLevel.Town && user.Scope.Contains(d.Code)).OrderBy(d => d.SortOrder);

    public async Task<IActionResult> OnGetAsync(Guid? id)
    {
        Id = id;
        if (id is { } existing)
        {
            var o = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == existing, HttpContext.RequestAborted) ?? throw AppProblem.NotFound("组织");
            StoredAccountMasked = o.BankAccountMasked;
            Input = new FormInput
            {
                CreditCode = o.CreditCode,
                Name = o.Name,
                Kind = o.Kind,
                LegalRepresentativeName = o.LegalRepresentativeName,
                DivisionCode = o.DivisionCode,
                Address = o.Address,
                BankName = o.BankName,
                RegisteredOn = o.RegisteredOn,
                Version = o.Version,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id)
    {
        Id = id;
        var input = new OrganizationInput
        {
            CreditCode = Input.CreditCode,
            Name = Input.Name,
            Kind = Input.Kind,
            LegalRepresentativeName = Input.LegalRepresentativeName,
            DivisionCode = Input.DivisionCode,
            Address = Input.Address,
            Phone = Input.Phone,
            BankName = Input.BankName,
            // an edit that leaves the (masked, so empty) account alone keeps the stored one
            BankAccount = id is null || !string.IsNullOrWhiteSpace(Input.BankAccount) ? Input.BankAccount : null,
            RegisteredOn = Input.RegisteredOn,
            ChangedOn = Input.ChangedOn,
            Version = Input.Version,
        };
        var o = id is { } existing ? await registration.UpdateAsync(existing, input, HttpContext.RequestAborted) : await registration.CreateAsync(input, HttpContext.RequestAborted);
        return Redirect($"/registry/organizations/{o.Id}");
    }

    /// <summary>After a refused save the form stays as typed (the GET handler would refill it); an organisation gone is a 404.</summary>
    public async Task ReloadAfterProblemAsync(CancellationToken ct)
    {
        if (Id is not { } id) return;
        StoredAccountMasked = (await db.Organizations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw AppProblem.NotFound("组织")).BankAccountMasked;
    }
}
