using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Time;
using static Minzheng.Web.Modules.Assistance.Cases.AssistanceProcesses;

namespace Minzheng.Web.Modules.Assistance.Cases;

/// <summary>
/// Records the home visit (two or more staff), income and property, and the economic check; the program adds its own
/// findings (self-care, emergency type and amount). Allowed while the case is being investigated; corrected until submitted.
/// </summary>
public sealed class RecordInvestigation(AppDbContext db, ProgramPolicies policies, ICurrentUser user, BusinessClock clock)
{
    public async Task<AssistanceCase> RunAsync(Guid id, InvestigationInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input); // the limits declared on the input, for the page as for the API (ADR 024)
        if (!user.HasPermission(AssistancePermissions.Investigate)) throw AppProblem.Forbidden("您没有登记入户调查的权限");
        var c = await AssistanceCases.LoadAsync(db, id, ct);
        if (c.State is not (Investigating or AssistedFirst)) throw AppProblem.Conflict("case_not_investigating", "只有调查核实阶段可以登记调查结果");
        if (input.Version is not { } version) throw AppProblem.Field("version", "缺少版本号，无法判断记录是否已被他人修改");
        db.ExpectVersion(c, version);
        var errors = new ValidationErrors();
        var investigators = (input.Investigators ?? "").Split([',', '，', '、', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (investigators.Length < 2) errors.Add("investigators", "入户调查须由两名以上工作人员进行，请填写全部调查人员");
        if (string.IsNullOrWhiteSpace(input.VisitRecord)) errors.Add("visitRecord", "请填写入户调查记录");
        if (input.InvestigatedOn is null || input.InvestigatedOn > clock.Today) errors.Add("investigatedOn", "请填写调查日期（不晚于今天）");
        if (input.Deposits < 0 || input.Vehicles < 0 || input.Houses < 0) errors.Add("deposits", "财产数额不能为负");
        foreach (var (item, i) in input.Income.Select((x, i) => (x, i)))
        {
            if (item.MonthlyAmount < 0 || decimal.Round(item.MonthlyAmount, 2) != item.MonthlyAmount) errors.Add($"income[{i}]", "收入金额应为不小于0、最多两位小数的元");
            if (IncomeCategories.All.All(c => c.Code != item.Category)) errors.Add($"income[{i}]", $"未知的收入类别“{item.Category}”，可选：{string.Join("、", IncomeCategories.All.Select(c => c.Code))}");
            if (item.PersonId is { } earner && c.Members.All(m => m.PersonId != earner)) errors.Add($"income[{i}]", "收入人须是本申请的家庭成员");
        }
        if (input.RequestedAmount is { } ra && (ra < 0 || decimal.Round(ra, 2) != ra)) errors.Add("requestedAmount", "金额应为不小于0、最多两位小数的元");
        errors.ThrowIfAny();

        c.InvestigatedOn = input.InvestigatedOn;
        c.Investigators = string.Join("、", investigators);
        c.VisitRecord = input.VisitRecord!.Trim();
        c.NeighbourRecord = input.NeighbourRecord?.Trim();
        c.EconomicCheck = input.EconomicCheck;
        c.EconomicCheckNote = input.EconomicCheckNote?.Trim();
        c.IncomeIrregular = input.IncomeIrregular;
        foreach (var facts in input.Members)
        {
            var m = c.Members.FirstOrDefault(x => x.PersonId == facts.PersonId) ?? throw AppProblem.Field("members", "成员不属于本申请");
            m.Included = facts.Included;
            m.SeriouslyIll = facts.SeriouslyIll;
            m.AbleToWork = facts.AbleToWork;
        }
        db.Set<AssistanceIncomeItem>().RemoveRange(c.IncomeItems);
        c.IncomeItems.Clear();
        foreach (var item in input.Income)
        {
            var row = new AssistanceIncomeItem
            {
                CaseId = c.Id,
                Category = item.Category.Trim(),
                PersonId = item.PersonId,
                Description = item.Description?.Trim() ?? "",
                MonthlyAmount = Money.FromYuan(item.MonthlyAmount),
                // The category decides: excluded items are recorded but not counted; deductions reduce income.
                Excluded = item.Category == "excluded",
                IsDeduction = item.Category == "deduction",
            };
            c.IncomeItems.Add(row);
            db.Set<AssistanceIncomeItem>().Add(row);
        }
        c.Deposits = Money.FromYuan(input.Deposits);
        c.Vehicles = input.Vehicles;
        c.Houses = input.Houses;
        c.HasBusiness = input.HasBusiness;
        policies.For(c.Program).RecordInvestigation(c, input);
        await db.SaveChangesAsync(ct);
        return c;
    }
}
