using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Modules.Volunteers.Records;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Divisions;

namespace Minzheng.Web.Modules.Volunteers.Registration.Pages;

/// <summary>
/// 志愿者注册 on the phone: a citizen account registers its own verified registry person, accepting the consent text; once
/// registered the same page is the profile (number, verified hours, star, hours to the next star, teams) and its edits.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + VolunteerPermissions.Self)]
public sealed class JoinModel(VolunteerRegistrations registrations, VolunteerIdentity identity, DivisionDirectory divisions) : PageModel
{
    public sealed class FormInput
    {
        public bool Consent { get; set; }
        public bool PublishConsent { get; set; }
        public List<string> SkillChoices { get; set; } = [];
        public string? OtherSkills { get; set; }
        public string? Availability { get; set; }
        public List<Guid> TeamIds { get; set; } = [];
        public Guid? TeamId { get; set; }
        public int Version { get; set; }

        /// <summary>The chosen skills and the free text, as one "、"-separated list (what the API takes).</summary>
        public string Skills => string.Join("、", SkillChoices.Where(VolunteerRegistrations.SkillChoices.Contains).Append(OtherSkills ?? ""));
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public VolunteerView? Profile { get; private set; }
    public List<TeamDirectoryEntry> Directory { get; private set; } = [];

    public string Township(string divisionCode) => divisions.FullName(divisionCode);

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Directory = await registrations.DirectoryAsync(ct);
        if (await identity.FindAsync(ct) is { Status: not VolunteerStatus.Withdrawn })
        {
            Profile = await registrations.MineAsync(ct);
            if (Request.Method == "GET")
            {
                Input.SkillChoices = Profile.Skills.Split('、').Where(VolunteerRegistrations.SkillChoices.Contains).ToList();
                Input.OtherSkills = string.Join("、", Profile.Skills.Split('、', StringSplitOptions.RemoveEmptyEntries).Where(s => !VolunteerRegistrations.SkillChoices.Contains(s)));
                Input.Availability = Profile.Availability;
                Input.PublishConsent = Profile.PublishConsent;
                Input.Version = Profile.Version;
            }
        }
    }

    // an AppProblem is shown beside its field by the ProblemPageFilter, which runs OnGetAsync again and keeps what was typed
    public async Task<IActionResult> OnPostAsync()
    {
        await registrations.RegisterSelfAsync(new SelfRegistrationInput(Input.Consent, Input.PublishConsent, Input.Skills, Input.Availability, Input.TeamIds), HttpContext.RequestAborted);
        TempData["Message"] = "注册成功，欢迎您成为志愿者";
        return Redirect("/volunteer/join");
    }

    public async Task<IActionResult> OnPostProfileAsync()
    {
        await registrations.UpdateMineAsync(new ProfileInput(Input.Skills, Input.Availability, Input.PublishConsent, Input.Version), HttpContext.RequestAborted);
        TempData["Message"] = "已保存";
        return Redirect("/volunteer/join");
    }

    public async Task<IActionResult> OnPostJoinAsync()
    {
        await registrations.JoinMineAsync(new MembershipInput(Input.TeamId), HttpContext.RequestAborted);
        TempData["Message"] = "已加入该志愿服务组织";
        return Redirect("/volunteer/join");
    }

    public async Task<IActionResult> OnPostLeaveAsync(Guid teamId)
    {
        await registrations.LeaveMineAsync(teamId, HttpContext.RequestAborted);
        TempData["Message"] = "已退出该志愿服务组织";
        return Redirect("/volunteer/join");
    }

    public async Task<IActionResult> OnPostWithdrawAsync()
    {
        await registrations.WithdrawMineAsync(new VersionInput(Input.Version), HttpContext.RequestAborted);
        TempData["Message"] = "已注销志愿者注册。您的服务记录依法保存，不再向任何组织提供您的信息";
        return Redirect("/volunteer/join");
    }
}
