using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Web.Modules.Assistance.Cases;
using Minzheng.Web.Modules.Assistance.Rules;
using Minzheng.Web.Modules.Assistance.Standards;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Assistance;

public static class AssistanceApi
{
    public sealed record CalculateMember(DateOnly BirthDate, [Within(1, 4)] int? DisabilityGrade, [Text(20)] string? DisabilityCategory, bool SeriouslyIll);

    public sealed record CalculateRequest([Text(12)] string? DivisionCode, [Text(10)] string? Area, DateOnly? Date, [Amount] decimal HouseholdMonthlyIncome,
        [NoNullItems] List<CalculateMember>? Members,
        [Amount] decimal? Deposits, [Within(0, 100)] int? Vehicles, [Within(0, 100)] int? Houses, bool? HasBusiness, bool SinglePerson = false);

    public sealed record SelfCareRequest([NoNullItems] List<string>? Unable);

    public sealed record VisitRequest(DateOnly? Date, [Text(InputRules.LongText)] string? Record);

    public sealed record TextRequest([Text(InputRules.LongText)] string? Text);

    public static object ToDto(CaseView v) => new
    {
        v.Case.Id,
        v.Case.WorkflowCaseId,
        v.Case.Number,
        program = v.Case.Program,
        v.Case.State,
        stateName = v.StateName,
        v.Case.Version,
        v.Case.DivisionCode,
        divisionName = v.DivisionName,
        area = v.Case.Area,
        v.Case.HouseholdId,
        v.Case.ApplicantPersonId,
        v.Case.ApplicantName,
        channel = v.Case.Channel,
        v.Case.AppliedOn,
        v.Case.AcceptedOn,
        v.Case.Reason,
        v.Case.FlaggedRelative,
        v.Case.SinglePersonId,
        members = v.Case.Members.Select(m => new { m.PersonId, m.Name, relation = m.Relation, m.BirthDate, m.DisabilityGrade, disabilityCategory = m.DisabilityCategory, m.SeriouslyIll, m.AbleToWork, m.Included }),
        income = v.Case.IncomeItems.Select(i => new { i.Category, i.PersonId, i.Description, monthlyAmount = i.MonthlyAmount, i.Excluded, i.IsDeduction }),
        householdMonthlyIncome = v.Case.HouseholdIncome,
        economicCheck = v.Case.EconomicCheck,
        v.Case.InvestigatedOn,
        v.Case.Investigators,
        v.Case.NoticeFrom,
        v.Case.NoticeTo,
        v.Case.CountyVisitOn,
        v.Case.DecidedOn,
        decisionLevel = v.Case.DecisionLevel,
        v.Case.RefusalReasons,
        v.Case.PaymentStartMonth,
        monthlyAmount = v.Case.MonthlyAmount,
        approvedAmount = v.Case.ApprovedAmount,
        selfCareLevel = v.Case.SelfCareLevel,
        amountLines = v.DecidedLines,
        assessment = v.Assessment is { } a ? new { a.Eligible, amount = a.Amount, a.Lines, a.Reasons, a.Summary } : null,
        assessmentError = v.AssessmentError,
        stepDueDate = v.Workflow.StepDueDate,
        caseDueDate = v.Workflow.CaseDueDate,
        overdue = v.Overdue,
        actions = v.Actions,
        timeline = v.Timeline.Select(t => new { t.At, t.ActorName, t.ActionName, t.FromStateName, t.ToStateName, t.Opinion }),
        documents = v.Documents.Select(d => new { d.Id, d.Number, d.Title, d.IssuedAt }),
        objections = v.Objections.Select(o => new { o.RaisedOn, o.Content, o.Handling }),
        amountHistory = v.AmountHistory.Select(h => new { h.EffectiveFrom, amount = h.Amount, h.Reason, h.DecidedOn }),
    };

    public static void MapAssistanceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/assistance").WithTags("Assistance");
        var read = Permissions.Policy(AssistancePermissions.Read);

        api.MapStandardsApi();

        api.MapPost("/dibao/calculate", (CalculateRequest r, Figures figures, BusinessClock clock) =>
            {
                var errors = new ValidationErrors();
                if (!Platform.Divisions.DivisionCodes.IsWellFormed(r.DivisionCode)) errors.Add("divisionCode", "请提供12位区划代码");
                var area = Area.All;
                if (r.Area is null || !Enum.TryParse(r.Area, true, out area) || area == Area.All) errors.Add("area", "城乡类别应为 urban 或 rural");
                if (r.Members is not { Count: > 0 }) errors.Add("members", "至少一名家庭成员");
                if (r.HouseholdMonthlyIncome < 0 || decimal.Round(r.HouseholdMonthlyIncome, 2) != r.HouseholdMonthlyIncome) errors.Add("householdMonthlyIncome", "家庭月收入应为不小于0、最多两位小数的元");
                var members = new List<DibaoMember>();
                foreach (var m in r.Members ?? [])
                {
                    DisabilityCategory? category = null;
                    if (m.DisabilityCategory is not null)
                    {
                        if (Enum.TryParse<DisabilityCategory>(m.DisabilityCategory, true, out var parsed)) category = parsed;
                        else errors.Add("members", $"未知的残疾类别“{m.DisabilityCategory}”");
                    }
                    members.Add(new DibaoMember(m.BirthDate, m.DisabilityGrade, category, m.SeriouslyIll));
                }
                errors.ThrowIfAny();
                var date = r.Date ?? clock.Today;
                var f = figures.Dibao(r.DivisionCode!, area, date);
                var property = r.Deposits is null && r.Vehicles is null && r.Houses is null && r.HasBusiness is null
                    ? null
                    : new PropertyDeclaration(Money.FromYuan(r.Deposits ?? 0), r.Vehicles ?? 0, r.Houses ?? 0, r.HasBusiness ?? false);
                var result = DibaoRules.Calculate(new DibaoRequest(date, Money.FromYuan(r.HouseholdMonthlyIncome), members, property, r.SinglePerson), f);
                return TypedResults.Ok(new
                {
                    eligible = result.Eligible,
                    perCapitaIncome = result.PerCapitaIncome,
                    standard = result.Standard,
                    monthlyAmount = result.MonthlyAmount,
                    lines = result.Lines.Select(l => new { label = l.Label, amount = l.Amount, basis = l.Basis }),
                    reasons = result.Reasons,
                    marginal = result.Marginal,
                });
            })
            .RequireAuthorization(read)
            .WithSummary("低保金额试算（标准×人数−家庭月收入，含分类施保、取整与说明）");

        api.MapPost("/extreme-poverty/self-care", (SelfCareRequest r) =>
            {
                var items = new List<SelfCareItem>();
                foreach (var name in r.Unable ?? [])
                {
                    if (!Enum.TryParse<SelfCareItem>(name, true, out var item)) throw AppProblem.Field("unable", $"未知的评估项目“{name}”，可选：eating、dressing、bed、toilet、indoorWalking、bathing");
                    items.Add(item);
                }
                var level = ExtremePovertyRules.AssessSelfCare(items);
                return TypedResults.Ok(new { level = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(level.ToString()), name = ExtremePovertyRules.LevelName(level), unableCount = items.Distinct().Count() });
            })
            .RequireAuthorization(read)
            .WithSummary("生活自理能力评估：0项不能→具备，1–3项→部分丧失，4项以上→完全丧失");

        var cases = api.MapGroup("/cases");

        cases.MapGet("/", async (AssistanceProgram? program, string? state, string? divisionCode, bool? overdue, string? search, int? page, int? pageSize, CaseQueries queries, CancellationToken ct) =>
            {
                var r = await queries.SearchAsync(new CaseFilter { Program = program, State = state, DivisionCode = divisionCode, Overdue = overdue ?? false, Search = search }, PageRequest.From(page, pageSize), ct);
                return TypedResults.Ok(new { items = r.Items, total = r.Total });
            })
            .RequireAuthorization(read)
            .WithSummary("救助业务列表（按项目、状态、区划、超期筛选）");

        cases.MapPost("/", async (ApplyInput input, ApplyForAssistance service, CaseDetails details, CancellationToken ct) =>
            {
                var c = await service.RunAsync(input, ct);
                return TypedResults.Created($"/api/v1/assistance/cases/{c.Id}", ToDto(await details.LoadAsync(c.Id, ct)));
            })
            .RequireAuthorization(Permissions.Policy(AssistancePermissions.Apply))
            .WithSummary("代为提交申请（村、社区、乡镇窗口）");

        cases.MapGet("/{id:guid}", async (Guid id, CaseDetails details, CancellationToken ct) => TypedResults.Ok(ToDto(await details.LoadAsync(id, ct))))
            .RequireAuthorization(read)
            .WithSummary("业务详情：成员、收入财产、试算、办理过程、文书");

        cases.MapPut("/{id:guid}/investigation", async (Guid id, InvestigationInput input, RecordInvestigation service, CaseDetails details, CancellationToken ct) =>
            {
                await service.RunAsync(id, input, ct);
                return TypedResults.Ok(ToDto(await details.LoadAsync(id, ct)));
            })
            .RequireAuthorization(Permissions.Policy(AssistancePermissions.Investigate))
            .WithSummary("登记入户调查、收入财产和家庭经济状况核对结果");

        cases.MapPost("/{id:guid}/actions/{action}", async (Guid id, string action, ActionInput input, AssistanceCases service, CaseDetails details, CancellationToken ct) =>
            {
                await service.PerformAsync(id, action, input, ct);
                return TypedResults.Ok(ToDto(await details.LoadAsync(id, ct)));
            })
            .RequireAuthorization(read)
            .WithSummary("办理动作（受理、审核、公示期满、审批确认、不予确认……）；权限按流程定义逐项检查");

        cases.MapPost("/{id:guid}/county-visit", async (Guid id, VisitRequest r, RecordCountyVisit service, CaseDetails details, CancellationToken ct) =>
            {
                await service.RunAsync(id, r.Date, r.Record, ct);
                return TypedResults.Ok(ToDto(await details.LoadAsync(id, ct)));
            })
            .RequireAuthorization(Permissions.Policy(AssistancePermissions.Confirm))
            .WithSummary("县级入户核查记录（单独登记备案的申请必需）");

        cases.MapPost("/{id:guid}/spot-check", async (Guid id, TextRequest r, RecordSpotCheck service, CaseDetails details, CancellationToken ct) =>
            {
                await service.RunAsync(id, r.Text, ct);
                return TypedResults.Ok(ToDto(await details.LoadAsync(id, ct)));
            })
            .RequireAuthorization(Permissions.Policy(AssistancePermissions.Confirm))
            .WithSummary("县级抽查乡镇审批确认的业务");

        cases.MapPost("/{id:guid}/extend", async (Guid id, TextRequest r, ExtendTimeLimit service, CaseDetails details, CancellationToken ct) =>
            {
                await service.RunAsync(id, r.Text, ct);
                return TypedResults.Ok(ToDto(await details.LoadAsync(id, ct)));
            })
            .RequireAuthorization(Permissions.Policy(AssistancePermissions.Approve))
            .WithSummary("特殊情况延长办理时限（一次，须说明理由）");
    }
}
