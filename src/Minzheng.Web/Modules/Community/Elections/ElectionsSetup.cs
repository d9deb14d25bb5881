using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Tasks;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Modules.Community.Elections;

/// <summary>The elections (issue 18 item 2): services, the process, the figures, the vetting catalogue, the API and the public roll query.</summary>
public static class ElectionsSetup
{
    public const string PublicRollApi = "/api/v1/public/community/roll";

    public static IServiceCollection AddElections(this IServiceCollection services)
    {
        services.AddScoped<Elections>();
        services.AddScoped<RollLookup>();
        services.AddSingleton(ElectionProcess.Model);
        services.AddSingleton(new WorkflowSubjectLink(ElectionProcess.SubjectType, "/community/elections/{0}"));
        services.AddScoped<IWorkItemSource, ElectionWorkItems>();
        services.AddSingleton<IModuleInitializer, ElectionsInitializer>();
        return services;
    }

    public static void MapElections(this IEndpointRouteBuilder app)
    {
        var read = Permissions.Policy(CommunityPermissions.Read);
        var manage = Permissions.Policy(CommunityPermissions.Manage);
        var vet = Permissions.Policy(CommunityPermissions.Vet);
        var g = app.MapGroup("/api/v1/community/elections").WithTags("Community");
        g.MapPost("/tally", (TallyInput input) =>
        {
            InputRules.ThrowIfInvalid(input);
            var round = input.Round switch { "first" or null or "" => TallyRound.First, "additional" => TallyRound.Additional, _ => throw AppProblem.Field("round", "round 应为 first 或 additional") };
            var candidates = (input.Candidates ?? []).Select(c => new TallyCandidate(c.Name?.Trim() ?? "", c.Votes ?? -1)).ToList();
            var errors = new ValidationErrors();
            if (input.RegisteredVoters is null) errors.Add("registeredVoters", "请填写登记选民人数");
            if (input.BallotsCast is null) errors.Add("ballotsCast", "请填写参加投票人数");
            if (input.Seats is null) errors.Add("seats", "请填写应选名额");
            errors.ThrowIfAny();
            foreach (var (field, message) in ElectionTally.Problems(input.RegisteredVoters!.Value, input.BallotsCast!.Value, input.Seats!.Value, candidates)) errors.Add(field, message);
            errors.ThrowIfAny();
            var r = ElectionTally.Count(input.RegisteredVoters.Value, input.BallotsCast.Value, input.Seats.Value, round, candidates);
            return TypedResults.Ok(new { valid = r.Valid, elected = r.Elected, seatsLeft = r.SeatsLeft, reasons = r.Reasons, ties = r.Ties });
        }).RequireAuthorization(read).WithSummary("计票规则（第十五条）：过半数选民投票选举有效；第一次选举得票过投票人数半数当选，另行选举得票最多且不少于三分之一当选；票数相等的报告，不自行决定");
        g.MapGet("", async ([FromQuery] string? divisionCode, [FromQuery] string? state, [FromQuery] int? year, [FromQuery] string? q, [FromQuery] int? page, [FromQuery] int? pageSize,
                Elections elections, CancellationToken ct) => TypedResults.Ok(await elections.ListAsync(new(divisionCode, state, year, q), PageRequest.From(page, pageSize), ct)))
            .RequireAuthorization(read).WithSummary("换届选举（按区划、环节、年度查询），分页 { items, total }");
        g.MapGet("/progress", async ([FromQuery] int? year, [FromQuery] string? divisionCode, Elections elections, ICurrentUser user, Platform.Time.BusinessClock clock, CancellationToken ct) =>
                TypedResults.Ok(await elections.ProgressAsync(year ?? clock.Today.Year, divisionCode ?? user.DivisionCode, ct)))
            .RequireAuthorization(read).WithSummary("各县（或县内各乡镇）委员会换届选举进度：按环节计数、未启动、逾期未移交");
        g.MapGet("/{id:guid}", async (Guid id, Elections elections, CancellationToken ct) => TypedResults.Ok(await elections.DtoAsync(id, ct)))
            .RequireAuthorization(read).WithSummary("一次选举：选举委员会、选民人数、异议、候选人及联审、票箱、计票、期限、提示、可办理的动作");
        g.MapPost("", async (ElectionInput input, Elections elections, CancellationToken ct) =>
        {
            var e = await elections.CreateAsync(input, ct);
            return TypedResults.Created($"/api/v1/community/elections/{e.Id}", await elections.DtoAsync(e.Id, ct));
        }).RequireAuthorization(manage).WithSummary("启动一个委员会的换届选举（年度、各职务职数、选举日）");
        g.MapPost("/{id:guid}/committee", async (Guid id, CommitteeSeatInput input, Elections elections, CancellationToken ct) =>
        {
            await elections.AddCommitteeMemberAsync(id, input, ct);
            return TypedResults.Ok(await elections.DtoAsync(id, ct));
        }).RequireAuthorization(manage).WithSummary("登记选举委员会成员（推选机构、日期）");
        g.MapPost("/{id:guid}/voters/generate", async (Guid id, Elections elections, CancellationToken ct) =>
        {
            var (added, elsewhere) = await elections.GenerateRollAsync(id, ct);
            return TypedResults.Ok(new { added, elsewhere });
        }).RequireAuthorization(manage).WithSummary("从人员库生成选民名单：户籍在本村、到选举日年满十八周岁的在世人员（已在他处登记的跳过）");
        g.MapGet("/{id:guid}/voters", async (Guid id, [FromQuery] string? q, [FromQuery] int? page, [FromQuery] int? pageSize, Elections elections, CancellationToken ct) =>
            TypedResults.Ok(await elections.VotersAsync(id, q, PageRequest.From(page, pageSize, 50), ct))).RequireAuthorization(read).WithSummary("选民名单，分页 { items, total }");
        g.MapPost("/{id:guid}/voters", async (Guid id, VoterInput input, Elections elections, CancellationToken ct) =>
            TypedResults.Ok(new { (await elections.AddVoterAsync(id, input, ct)).Id })).RequireAuthorization(manage).WithSummary("登记一名选民（身份证号、登记依据）；名单公布后冻结");
        g.MapPost("/voters/{voterId:guid}/remove", async (Guid voterId, VoterRemoveInput input, Elections elections, CancellationToken ct) =>
        {
            await elections.RemoveVoterAsync(voterId, input, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(manage).WithSummary("公布前从名单除名（原因）");
        g.MapPost("/{id:guid}/objections", async (Guid id, ObjectionInput input, Elections elections, CancellationToken ct) =>
            TypedResults.Ok(new { (await elections.FileObjectionAsync(id, input, ct)).Id })).RequireAuthorization(manage).WithSummary("登记对选民名单的异议（公布之日起五日内）");
        g.MapPost("/objections/{objectionId:guid}/decide", async (Guid objectionId, ObjectionDecisionInput input, Elections elections, CancellationToken ct) =>
            TypedResults.Ok(new { (await elections.DecideObjectionAsync(objectionId, input, ct)).Id })).RequireAuthorization(manage).WithSummary("处理异议（三日内）；成立的据此增减选民");
        g.MapPost("/{id:guid}/candidates", async (Guid id, CandidateInput input, Elections elections, CancellationToken ct) =>
            TypedResults.Ok(new { (await elections.NominateAsync(id, input, ct)).Id })).RequireAuthorization(manage).WithSummary("登记直接提名的候选人（须在选民名单上；选举委员会成员被提名的自动退出）");
        g.MapPost("/candidates/{candidateId:guid}/checks", async (Guid candidateId, VettingCheckInput input, Elections elections, CancellationToken ct) =>
        {
            var c = await elections.CheckCandidateAsync(candidateId, input, ct);
            return TypedResults.Ok(new { c.Id, verdict = c.Verdict, c.VerdictNote });
        }).RequireAuthorization(vet).WithSummary("县级联审部门的审查意见（通过、不能、不宜，情形和依据）");
        g.MapPost("/candidates/{candidateId:guid}/override", async (Guid candidateId, VettingOverrideInput input, Elections elections, CancellationToken ct) =>
            TypedResults.Ok(new { (await elections.OverrideAsync(candidateId, input, ct)).Id })).RequireAuthorization(vet).WithSummary("“不宜”意见经县级研究仍确定为候选人的理由（“不能”不可改变）");
        g.MapGet("/vetting-catalog", async (Elections elections, Platform.Time.BusinessClock clock, CancellationToken ct) => TypedResults.Ok((await elections.CatalogAsync(clock.Today, ct))
                .Select(x => new { kind = x.Kind, x.Code, x.Text, x.ValidFrom, x.ValidUntil, x.Document, x.IsDemo })))
            .RequireAuthorization(read).WithSummary("现行联审部门和“不能”“不宜”情形（按日期生效的配置）");
        g.MapPost("/{id:guid}/boxes", async (Guid id, BallotBoxInput input, Elections elections, CancellationToken ct) =>
        {
            await elections.SaveBoxAsync(id, null, input, ct);
            return TypedResults.Ok(await elections.DtoAsync(id, ct));
        }).RequireAuthorization(manage).WithSummary("录入一个票箱（会场）的发出、收回、无效票数和各候选人得票");
        g.MapPut("/{id:guid}/boxes/{boxId:guid}", async (Guid id, Guid boxId, BallotBoxInput input, Elections elections, CancellationToken ct) =>
        {
            await elections.SaveBoxAsync(id, boxId, input, ct);
            return TypedResults.Ok(await elections.DtoAsync(id, ct));
        }).RequireAuthorization(manage).WithSummary("更正本轮一个票箱的结果（带 version）");
        g.MapPost("/{id:guid}/{action}", async (Guid id, string action, ElectionStepInput input, Elections elections, CancellationToken ct) =>
        {
            await elections.StepAsync(id, action, input, ct);
            return TypedResults.Ok(await elections.DtoAsync(id, ct));
        }).RequireAuthorization(manage).WithSummary("办理一步（带 version）：register、publish-roll、open-nomination、submit-vetting、publish-candidates、close-vote、call-additional、hand-over、archive");

        app.MapPost(PublicRollApi, async (RollQuery input, RollLookup lookup, CancellationToken ct) => TypedResults.Ok(await lookup.FindAsync(input, ct)))
            .AllowAnonymous().RequireRateLimiting(PlatformSetup.PublicRateLimit).WithTags("Public")
            .WithSummary("选民名单查询：身份证号和姓名 → 是否在已公布的选民名单上、在哪个村（居）（不显示其他信息）");
    }
}

public sealed record RollQuery
{
    [Text(18)] public string? IdNumber { get; init; }
    [Text(50)] public string? Name { get; init; }
}

public sealed record RollAnswer(bool OnRoll, string? Village, string? Election, string? Group, DateOnly? VoteDate, string Message);

/// <summary>
/// The anonymous "am I on the roll?" query: an ID number and the name as registered → whether that person is on a published
/// roll and where. A wrong name and an unknown number give the same "not found", so the page tells nothing about who is
/// registered; an unpublished roll is not public yet. Looked up by the keyed hash, across scopes (the roll is public by law).
/// </summary>
public sealed class RollLookup(AppDbContext db, IdentifierProtector protector, DivisionDirectory divisions)
{
    public async Task<RollAnswer> FindAsync(RollQuery q, CancellationToken ct)
    {
        InputRules.ThrowIfInvalid(q);
        var errors = new ValidationErrors();
        var parsed = IdNumber.TryParse(q.IdNumber, out var error);
        if (parsed is null) errors.Add("idNumber", error ?? "身份证号无效");
        if (string.IsNullOrWhiteSpace(q.Name)) errors.Add("name", "请填写姓名");
        errors.ThrowIfAny();
        var hash = protector.Hash(parsed!.Value.Value, ProtectedKind.IdNumber);
        var name = q.Name!.Trim();
        var hit = await (from p in db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter])
                         join v in db.Set<Voter>().IgnoreQueryFilters([AppDbContext.ScopeFilter]) on p.Id equals v.PersonId
                         join e in db.Set<Election>().IgnoreQueryFilters([AppDbContext.ScopeFilter]) on v.ElectionId equals e.Id
                         where p.IdNumberHash == hash && p.Name == name && v.RemovedOn == null && e.RollPublishedOn != null && e.State != ElectionProcess.Archived
                         orderby e.Year descending
                         select new { e.DivisionCode, e.Name, v.Group, e.VoteDate, e.AdditionalVoteDate }).FirstOrDefaultAsync(ct);
        if (hit is null) return new(false, null, null, null, null, "未在已公布的选民名单上查到您。如认为应当登记，请在名单公布之日起五日内向村（居）民选举委员会提出异议。");
        var village = divisions.FullName(hit.DivisionCode);
        return new(true, village, hit.Name, hit.Group, hit.AdditionalVoteDate ?? hit.VoteDate, $"您在{village}的选民名单上" + (hit.Group.Length > 0 ? $"（{hit.Group}）" : "") + "。");
    }
}

/// <summary>
/// Elections' part of "my tasks": an objection to be decided within its 3 days (第十四条) and a hand-over due within 10 days of
/// the new committee (第二十条), for the township (community.manage) of the village.
/// </summary>
public sealed class ElectionWorkItems(AppDbContext db, ICurrentUser user) : IWorkItemSource
{
    public const string ObjectionPrefix = "com-objection-";
    public const string HandoverPrefix = "com-handover-";

    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(WorkItemRequest request, CancellationToken ct)
    {
        var mine = user.HasPermission(CommunityPermissions.Manage);
        var routedObjections = request.RoutedIds(ObjectionPrefix);
        var routedHandovers = request.RoutedIds(HandoverPrefix);
        if (!mine && routedObjections.Count == 0 && routedHandovers.Count == 0) return [];
        var items = new List<WorkItem>();
        string[] oversight = [CommunityPermissions.Read];
        var objections = from o in db.Set<RollObjection>().AsNoTracking()
                         join e in db.Set<Election>().AsNoTracking() on o.ElectionId equals e.Id
                         where o.DecidedOn == null && (mine || routedObjections.Contains(o.Id))
                         select new { o.Id, o.PersonName, o.DecisionDue, o.Version, e.Name, ElectionId = e.Id, e.DivisionCode };
        if (request.OnlyIds(ObjectionPrefix) is { } onlyO) objections = objections.Where(o => onlyO.Contains(o.Id));
        foreach (var o in await objections.OrderBy(o => o.DecisionDue).Take(request.Limit).ToListAsync(ct))
        {
            items.Add(new WorkItem(ObjectionPrefix + o.Id.ToString("N"), "com:objection", "选民名单异议处理", $"{o.Name}：对“{o.PersonName}”的异议", o.PersonName, o.DecisionDue,
                $"/community/elections/{o.ElectionId}#objections", WorkItemText.SeverityOf(o.DecisionDue, request.Today), o.DivisionCode, $"objection#{o.Version}", CommunityPermissions.Manage, oversight));
        }
        var handovers = db.Set<Election>().AsNoTracking().Where(e => e.HandoverDue != null && e.HandedOverOn == null && (mine || routedHandovers.Contains(e.Id)));
        if (request.OnlyIds(HandoverPrefix) is { } onlyH) handovers = handovers.Where(e => onlyH.Contains(e.Id));
        foreach (var e in await handovers.OrderBy(e => e.HandoverDue).Take(request.Limit).Select(e => new { e.Id, e.Name, e.HandoverDue, e.DivisionCode, e.Version }).ToListAsync(ct))
        {
            items.Add(new WorkItem(HandoverPrefix + e.Id.ToString("N"), "com:handover", "换届工作移交", $"{e.Name}：新老委员会工作移交", e.Name, e.HandoverDue,
                $"/community/elections/{e.Id}", WorkItemText.SeverityOf(e.HandoverDue!.Value, request.Today), e.DivisionCode, $"handover#{e.Version}", CommunityPermissions.Manage, oversight));
        }
        return items;
    }
}

/// <summary>
/// Seeds the election figures — CONFIRMED-P from 村委会组织法 (2010 revision, kept in 2018): roll 20 days before the vote,
/// objections within 5 days and decided within 3 (第十四条), voters aged 18 (第十三条), hand-over within 10 days (第二十条);
/// the official candidates' 5 days is a LOCAL-EXAMPLE (Zhejiang) and ships as a demo row — and the vetting catalogue, whose
/// Guangxi list is UNCONFIRMED: the common list ships as demo rows (演示数据) for the bureau to confirm or replace.
/// </summary>
public sealed class ElectionsInitializer : IModuleInitializer
{
    public const string City = "450900000000";

    public int Order => 197;

    public async Task InitializeAsync(IServiceProvider services, bool demo, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (!await db.Set<Figure>().AnyAsync(f => f.Module == CommunityModule.FigureModule && f.Kind == ElectionFigures.RollDaysBefore.Code, ct))
        {
            var y2010 = new DateOnly(2010, 10, 28);
            const string law = "《村民委员会组织法》（2010年修订，2018年修正）";
            db.Add(Row(ElectionFigures.RollDaysBefore, y2010, law + "第十四条：选民名单应当在选举日的二十日以前公布", 20, false));
            db.Add(Row(ElectionFigures.ObjectionDays, y2010, law + "第十四条：对登记参加选举的村民名单有异议的，应当自名单公布之日起五日内提出", 5, false));
            db.Add(Row(ElectionFigures.ObjectionDecisionDays, y2010, law + "第十四条：村民选举委员会应当自收到申诉之日起三日内作出处理决定", 3, false));
            db.Add(Row(ElectionFigures.VoterAge, y2010, law + "第十三条：年满十八周岁的村民", 18, false));
            db.Add(Row(ElectionFigures.HandoverDays, y2010, law + "第二十条：自新一届村民委员会产生之日起十日内完成移交", 10, false));
            db.Add(Row(ElectionFigures.CandidatesDaysBefore, y2010, "演示数据：正式候选人名单于选举日五日前公布（参照《浙江省村民委员会选举办法》，广西规定待核实）", 5, true));
            await db.SaveChangesAsync(ct);
        }
        if (!await db.Set<VettingCatalogEntry>().AnyAsync(ct))
        {
            var from = new DateOnly(2020, 1, 1);
            const string doc = "演示数据：参照各地2021年村（社区）“两委”换届候选人资格联审通行做法（广西负面清单待核实）";
            var rows = new List<(VettingCatalogKind, string, string)>
            {
                (VettingCatalogKind.Department, "dept-discipline", "县纪委监委"),
                (VettingCatalogKind.Department, "dept-organization", "县委组织部"),
                (VettingCatalogKind.Department, "dept-political", "县委政法委"),
                (VettingCatalogKind.Department, "dept-police", "县公安局"),
                (VettingCatalogKind.Department, "dept-court", "县人民法院"),
                (VettingCatalogKind.Department, "dept-procuratorate", "县人民检察院"),
                (VettingCatalogKind.Department, "dept-petition", "县信访局"),
                (VettingCatalogKind.MustNot, "sentenced", "受过刑事处罚，或刑满释放（缓刑期满）未满五年"),
                (VettingCatalogKind.MustNot, "party-discipline", "受到撤销党内职务及以上处分未满二年"),
                (VettingCatalogKind.MustNot, "village-bully", "村霸、涉黑涉恶及其“保护伞”，或因涉黑涉恶受处理未满五年"),
                (VettingCatalogKind.MustNot, "cult", "参与邪教组织"),
                (VettingCatalogKind.MustNot, "capacity", "无民事行为能力或限制民事行为能力"),
                (VettingCatalogKind.MustNot, "pledge", "拒绝签订遵守换届纪律承诺书"),
                (VettingCatalogKind.ShouldNot, "investigated", "正在接受纪检监察机关审查调查"),
                (VettingCatalogKind.ShouldNot, "detention", "因嫖娼、吸毒、扰乱公共秩序等受行政拘留未满五年"),
                (VettingCatalogKind.ShouldNot, "superstition", "组织封建迷信、赌博活动受公安机关处理未满五年"),
                (VettingCatalogKind.ShouldNot, "petitioning", "煽动、组织非正常上访扰乱秩序受处理未满五年"),
                (VettingCatalogKind.ShouldNot, "interference", "经查实有干扰破坏选举行为"),
                (VettingCatalogKind.ShouldNot, "absence", "长期不在本村居住、无法履职"),
            };
            foreach (var (kind, code, text) in rows)
                db.Add(new VettingCatalogEntry { Kind = kind, Code = code, Text = text, ValidFrom = from, Document = doc, IsDemo = true });
            await db.SaveChangesAsync(ct);
        }
    }

    private static Figure Row(FigureKind kind, DateOnly from, string document, int number, bool demo) => new()
    {
        Module = CommunityModule.FigureModule,
        Kind = kind.Code,
        DivisionCode = City,
        Category = "",
        Number = number,
        ValidFrom = from,
        Document = document,
        IsDemo = demo,
        CreatedBy = "system",
    };
}
