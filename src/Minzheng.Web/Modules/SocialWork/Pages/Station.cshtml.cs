using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.SocialWork.Pages;

/// <summary>/socialwork/stations/{id}: a station, its social workers, its services and referrals, and the forms to add each.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + SocialWorkPermissions.Read)]
public sealed class StationModel(Stations stations, Staff staff, Services services, Referrals referrals, AppDbContext db, DivisionDirectory divisions,
    BusinessClock clock, ICurrentUser user, Pickers pickers) : PageModel
{
    public sealed class WorkerForm
    {
        public Guid? PersonId { get; set; }
        public string? Post { get; set; }
        public string? CertificateLevel { get; set; }
        public string? CertificateNumber { get; set; }
        public DateOnly? JoinedOn { get; set; }
    }

    public sealed class ServiceForm
    {
        public string? Kind { get; set; }
        public string? Title { get; set; }
        public DateOnly? StartedOn { get; set; }
        public Guid? BeneficiaryPersonId { get; set; }
        public string? Needs { get; set; }
        public string? Plan { get; set; }
        public int? Sessions { get; set; }
        public int? Participants { get; set; }
    }

    public sealed class ReferralForm
    {
        public Guid? PersonId { get; set; }
        public string? Direction { get; set; }
        public string? Line { get; set; }
        public string? Reason { get; set; }
    }

    [BindProperty] public WorkerForm Worker { get; set; } = new();
    [BindProperty] public ServiceForm Service { get; set; } = new();
    [BindProperty] public ReferralForm Referral { get; set; } = new();
    public SocialWorkStation Station { get; private set; } = null!;
    public Dictionary<Guid, string> Orgs { get; private set; } = [];
    public Paged<SocialWorker> Workers { get; private set; } = new([], 0, 1, 100);
    public Paged<SocialWorkService> ServiceRows { get; private set; } = new([], 0, 1, 50);
    public Paged<SocialWorkReferral> ReferralRows { get; private set; } = new([], 0, 1, 50);
    public Dictionary<Guid, string> Names { get; private set; } = [];

    /// <summary>The person search (ID number or name) that fills the person pickers of the three forms.</summary>
    [FromQuery(Name = "person")] public string? PersonQuery { get; set; }
    public List<PickerOption> People { get; private set; } = [];
    public bool CanWrite => user.HasPermission(SocialWorkPermissions.Write);
    public bool CanServe => user.HasPermission(SocialWorkPermissions.Services);
    public bool IsOrganization => user.OrganizationId is not null;
    public DateOnly Today => clock.Today;

    public string DivisionName(string code) => divisions.FullName(code);

    public string NameOf(Guid? id) => id is { } g && Names.TryGetValue(g, out var n) ? n : "";

    public async Task OnGetAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        if (CanWrite || (CanServe && !IsOrganization))
        {
            try
            {
                People = [.. await pickers.PersonsAsync(PersonQuery, "person", ct)];
            }
            catch (AppProblem problem)
            {
                ModelState.AddProblem(problem, "");
            }
            // what a failed post chose stays chosen
            foreach (var chosen in new[] { Worker.PersonId, Service.BeneficiaryPersonId, Referral.PersonId })
                if (await pickers.PersonAsync(chosen, ct) is { } c && People.All(p => p.Value != c.Value)) People.Add(c);
        }
        Station = await stations.GetAsync(id, ct);
        Orgs = await stations.OrganizationNamesAsync([Station], ct);
        Workers = await staff.ListAsync(id, null, PageRequest.From(1, 100, 100), ct);
        ServiceRows = await services.ListAsync(id, null, PageRequest.From(1, 50, 50), ct);
        ReferralRows = await referrals.ListAsync(id, null, null, PageRequest.From(1, 50, 50), ct);
        var ids = Workers.Items.Select(w => (Guid?)w.PersonId).Concat(ServiceRows.Items.Select(s => s.BeneficiaryPersonId)).Concat(ReferralRows.Items.Select(r => (Guid?)r.PersonId));
        Names = await db.PersonNamesAsync(ids, ct);
    }

    [ProblemPrefix("Worker")]
    public async Task<IActionResult> OnPostWorkerAsync(Guid id)
    {
        var w = await staff.CreateAsync(new WorkerInput
        {
            StationId = id,
            PersonId = Worker.PersonId,
            Post = Worker.Post,
            CertificateLevel = Worker.CertificateLevel,
            CertificateNumber = Worker.CertificateNumber,
            JoinedOn = Worker.JoinedOn,
        }, HttpContext.RequestAborted);
        TempData["Message"] = "社工已登记";
        return Redirect($"/socialwork/workers/{w.Id}");
    }

    [ProblemPrefix("Service")]
    public async Task<IActionResult> OnPostServiceAsync(Guid id)
    {
        await services.CreateAsync(new ServiceInput
        {
            StationId = id,
            Kind = Service.Kind,
            Title = Service.Title,
            StartedOn = Service.StartedOn,
            BeneficiaryPersonId = Service.BeneficiaryPersonId,
            Needs = Service.Needs,
            Plan = Service.Plan,
            Sessions = Service.Sessions,
            Participants = Service.Participants,
        }, HttpContext.RequestAborted);
        TempData["Message"] = "服务已登记";
        return Redirect($"/socialwork/stations/{id}");
    }

    [ProblemPrefix("Referral")]
    public async Task<IActionResult> OnPostReferralAsync(Guid id)
    {
        await referrals.SendAsync(new ReferralInput { StationId = id, PersonId = Referral.PersonId, Direction = Referral.Direction, Line = Referral.Line, Reason = Referral.Reason },
            HttpContext.RequestAborted);
        TempData["Message"] = "转介已发出";
        return Redirect($"/socialwork/stations/{id}");
    }
}
