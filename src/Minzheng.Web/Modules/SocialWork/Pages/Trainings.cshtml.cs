using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.SocialWork.Pages;

/// <summary>/socialwork/trainings: the 考前培训 sessions in scope by year, and the form to register one (county and city).</summary>
[Authorize(Policy = Permissions.PolicyPrefix + SocialWorkPermissions.Read)]
public sealed class TrainingsModel(Trainings trainings, DivisionDirectory divisions, BusinessClock clock, ICurrentUser user) : PageModel
{
    public sealed class TrainingForm
    {
        public string? Topic { get; set; }
        public string? Level { get; set; }
        public string? Organiser { get; set; }
        public string? Place { get; set; }
        public DateOnly? StartsOn { get; set; }
        public DateOnly? EndsOn { get; set; }
        public decimal? Hours { get; set; }

        /// <summary>Never posted: where the error "not a county or city account" is shown.</summary>
        public string? DivisionCode { get; set; }
    }

    [BindProperty] public TrainingForm Input { get; set; } = new();
    public int Year { get; private set; }
    public Paged<SocialWorkTraining> Rows { get; private set; } = new([], 0, 1, 50);
    public bool CanTrain => user.HasPermission(SocialWorkPermissions.Trainings);

    public string DivisionName(string code) => divisions.FullName(code);

    public async Task OnGetAsync([FromQuery] int? year, [FromQuery] int page = 1)
    {
        Year = year is >= 2000 and <= 2100 ? year.Value : clock.Today.Year;
        Rows = await trainings.ListAsync(Year, PageRequest.From(page, 50, 50), HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var t = await trainings.CreateAsync(new TrainingInput
        {
            Topic = Input.Topic,
            Level = Input.Level,
            Organiser = Input.Organiser,
            Place = Input.Place,
            StartsOn = Input.StartsOn,
            EndsOn = Input.EndsOn,
            Hours = Input.Hours,
        }, HttpContext.RequestAborted);
        TempData["Message"] = "考前培训已登记";
        return Redirect($"/socialwork/trainings/{t.Id}");
    }
}
