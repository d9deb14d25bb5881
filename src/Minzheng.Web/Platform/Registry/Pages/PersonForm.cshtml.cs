using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Platform.Registry.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + Permissions.RegistryWrite)]
public sealed class PersonFormModel(PersonRegistration registration, AppDbContext db, DivisionDirectory divisions, ICurrentUser user, IdentifierProtector protector) : PageModel, IReloadAfterProblem
{
    /// <summary>Form fields; the same shape as the API's PersonInput.</summary>
    public sealed class FormInput
    {
        public string? IdNumber { get; set; }
        public bool NoIdNumber { get; set; }
        public string? Name { get; set; }
        public Sex? Sex { get; set; }
        public DateOnly? BirthDate { get; set; }
        public string? Ethnicity { get; set; } = "汉族";
        public HukouType? HukouType { get; set; }
        public string? DivisionCode { get; set; }
        public string? Address { get; set; }
        public string? Phone { get; set; }
        public string? BankName { get; set; }
        public string? BankAccount { get; set; }
        public DisabilityCategory? DisabilityCategory { get; set; }
        public int? DisabilityGrade { get; set; }
        public string? DisabilityCertificate { get; set; }
        public LifeStatus? LifeStatus { get; set; } = Registry.LifeStatus.Alive;
        public DateOnly? DeathDate { get; set; }
        public DateOnly? MissingSince { get; set; }
        public int? Version { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();

    public Guid? Id { get; private set; }
    public bool IsNew => Id is null;
    public string? PhoneMasked { get; private set; }
    public string? CertificateMasked { get; private set; }
    public string? BankAccountMasked { get; private set; }
    public DivisionDirectory Divisions => divisions;
    public IEnumerable<Division> Towns => divisions.All.Where(d => d.Level == DivisionLevel.Town && divisions.ChildrenOf(d.Code).Any(v => InScope(v.Code))).OrderBy(d => d.SortOrder);
    public bool InScope(string code) => user.Scope.Contains(code);

    public async Task<IActionResult> OnGetAsync(Guid? id)
    {
        Id = id;
        if (id is { } existing)
        {
            var p = await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == existing);
            if (p is null) return NotFound();
            Fill(p);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id)
    {
        Id = id;
        var input = new PersonInput
        {
            IdNumber = Input.IdNumber,
            NoIdNumber = Input.NoIdNumber,
            Name = Input.Name,
            Sex = Input.Sex,
            BirthDate = Input.BirthDate,
            Ethnicity = Input.Ethnicity,
            HukouType = Input.HukouType,
            DivisionCode = Input.DivisionCode,
            Address = Input.Address,
            Phone = Input.Phone,
            BankName = Input.BankName,
            BankAccount = Input.BankAccount,
            DisabilityCategory = Input.DisabilityCategory,
            DisabilityGrade = Input.DisabilityGrade,
            DisabilityCertificate = Input.DisabilityCertificate,
            LifeStatus = Input.LifeStatus,
            DeathDate = Input.DeathDate,
            MissingSince = Input.MissingSince,
            Version = Input.Version,
        };
        if (id is { } existing)
        {
            // Masked identifiers are not sent back to the browser: an empty field keeps the stored value.
            var stored = await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == existing);
            if (stored is null) return NotFound();
            input = KeepStoredSecrets(input, stored);
            var (person, died, effects) = await registration.UpdateWithEffectsAsync(existing, input);
            // a death entered here stops benefits in every module: the clerk sees which, as after a funeral record
            TempData["Message"] = !died ? "已保存"
                : effects.Count == 0 ? $"已保存。已登记死亡（{person.DeathDate:yyyy-MM-dd}），没有需要停发的待遇"
                : $"已保存。已登记死亡（{person.DeathDate:yyyy-MM-dd}）：{string.Join("；", effects)}";
            return Redirect($"/registry/persons/{person.Id}");
        }
        var created = await registration.CreateAsync(input);
        return Redirect($"/registry/persons/{created.Id}");
    }

    /// <summary>After a refused save: the posted form stays as typed (the GET handler would refill it), the masks come back.</summary>
    public async Task ReloadAfterProblemAsync(CancellationToken ct)
    {
        if (Id is { } e && await db.Persons.AsNoTracking().FirstOrDefaultAsync(x => x.Id == e, ct) is { } s)
        {
            PhoneMasked = s.PhoneMasked;
            CertificateMasked = s.DisabilityCertificateMasked;
            BankAccountMasked = s.BankAccountMasked;
        }
    }

    private PersonInput KeepStoredSecrets(PersonInput input, Person stored)
    {
        if (string.IsNullOrWhiteSpace(input.Phone) && stored.PhoneCipher is not null)
        {
            input = input with { Phone = protector.Decrypt(stored.PhoneCipher, ProtectedKind.Phone) };
        }
        if (string.IsNullOrWhiteSpace(input.BankAccount) && stored.BankAccountCipher is not null)
        {
            input = input with { BankAccount = protector.Decrypt(stored.BankAccountCipher, ProtectedKind.BankAccount) };
        }
        return input;
    }

    private void Fill(Person p)
    {
        Input = new FormInput
        {
            NoIdNumber = !p.HasIdNumber,
            Name = p.Name,
            Sex = p.HasIdNumber ? null : p.Sex,
            BirthDate = p.HasIdNumber ? null : p.BirthDate,
            Ethnicity = p.Ethnicity,
            HukouType = p.HukouType,
            DivisionCode = p.DivisionCode,
            Address = p.Address,
            BankName = p.BankName,
            DisabilityCategory = p.DisabilityCategory,
            DisabilityGrade = p.DisabilityGrade,
            LifeStatus = p.LifeStatus,
            DeathDate = p.DeathDate,
            MissingSince = p.MissingSince,
            Version = p.Version,
        };
        PhoneMasked = p.PhoneMasked;
        CertificateMasked = p.DisabilityCertificateMasked;
        BankAccountMasked = p.BankAccountMasked;
    }
}
