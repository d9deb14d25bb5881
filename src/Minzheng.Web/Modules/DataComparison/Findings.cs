using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.ChildWelfare.Contracts;
using Minzheng.Web.Modules.Disability.Contracts;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.DataComparison;

public sealed record ConfirmInput(FindingAction? Action, [Text(500)] string? Note, DateOnly? LastDueMonth, int? Version);

public sealed record DismissInput([Text(500)] string? Reason, int? Version);

/// <summary>A finding as people read it: who, which rule, the benefit, the evidence in words, where it stands.</summary>
public sealed record FindingView(ComparisonFinding Finding, string PersonName, string PersonIdMasked, string DivisionName, string RuleName, string ProgramName,
    string Evidence, string? Source, int AgeDays);

/// <summary>
/// The township's handling of a finding (permission <c>comparison.resolve</c>, within its scope): confirm with the action taken —
/// suspend, terminate or recover a running benefit through the module that owns it (<see cref="IBenefitActions"/>), in the same
/// transaction as the finding's closure — or start an application for a benefit owed; or dismiss with the reason found.
/// The owning module decides who may end or cut its benefit: where the confirming clerk may not (dibao), it records her 终止 or
/// 停发并追缴 as a proposal its approver decides (ADR 022). A verified death is recorded in the registry instead (登记死亡): the
/// one kernel death use case, so that every module acts on it as it must — a household's dibao is recalculated, not ended.
/// </summary>
public sealed class Findings(AppDbContext db, ICurrentUser user, BusinessClock clock, IEnumerable<IBenefitActions> actions, EntitlementPrograms programs,
    DivisionDirectory divisions, AuditLog audit, PersonDeaths deaths)
{
    /// <summary>The rule whose findings are deaths (its code, as the rule table names it).</summary>
    public const string DeceasedRule = "deceased";

    public async Task<ComparisonFinding> LoadAsync(long id, CancellationToken ct) =>
        await db.Set<ComparisonFinding>().FirstOrDefaultAsync(f => f.Id == id, ct) ?? throw AppProblem.NotFound("比对线索");

    /// <summary>An open finding the user may resolve, at the version the user saw (a stale one → 409).</summary>
    private async Task<ComparisonFinding> LoadOpenAsync(long id, int? version, CancellationToken ct)
    {
        if (!user.HasPermission(ComparisonPermissions.Resolve)) throw AppProblem.Forbidden("您没有处理比对线索的权限");
        var f = await LoadAsync(id, ct);
        if (version is not { } v) throw AppProblem.Field("version", "缺少版本号，无法判断记录是否已被他人修改");
        db.ExpectVersion(f, v);
        if (f.Status != FindingStatus.Open) throw AppProblem.Conflict("finding_closed", "该线索已处理");
        return f;
    }

    /// <summary>The actions a clerk may choose for this finding (those the benefit's module supports, for 应退).</summary>
    public IReadOnlyList<FindingAction> AvailableActions(ComparisonFinding f)
    {
        if (f.Direction == FindingDirection.Add) return [FindingAction.StartApplication];
        // a death is a fact about the person, not about one benefit: it is recorded once, and each module stops or recalculates
        // what it pays (ending the household's dibao, or suspending it, for one member's death would be wrong)
        if (f.RuleCode == DeceasedRule) return [FindingAction.RecordDeath];
        var supported = actions.SelectMany(a => a.Supported).Where(s => s.Key == f.Program).SelectMany(s => s.Value).Distinct();
        return supported.Select(a => a switch { BenefitAction.Suspend => FindingAction.Suspend, BenefitAction.Terminate => FindingAction.Terminate, _ => FindingAction.Recover })
            .OrderBy(a => a).ToList();
    }

    public async Task<ComparisonFinding> ConfirmAsync(long id, ConfirmInput input, CancellationToken ct)
    {
        var f = await LoadOpenAsync(id, input.Version, ct);
        var errors = new ValidationErrors();
        if (input.Action is not { } action || !AvailableActions(f).Contains(action)) errors.Add("action", "请选择处置方式" + (input.Action is null ? "" : "（该项待遇不支持所选处置）"));
        if (string.IsNullOrWhiteSpace(input.Note)) errors.Add("note", "请填写核实情况");
        if (input.Action == FindingAction.RecordDeath && f.EventDate is null) errors.Add("action", "比对数据没有死亡日期，不能登记死亡，请核实后在人员登记中登记");
        var today = clock.Today;
        var thisMonth = Entitlements.MonthOf(today);
        DateOnly? last = null;
        if (input.Action == FindingAction.Recover)
        {
            last = input.LastDueMonth is { } m ? Entitlements.MonthOf(m) : f.EventDate is { } e ? Entitlements.MonthOf(e) : null;
            if (last is null) errors.Add("lastDueMonth", "请填写应发放至的月份（事由发生的月份）");
            else if (last > thisMonth) errors.Add("lastDueMonth", "追缴的截止月份不能晚于本月");
        }
        errors.ThrowIfAny();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var authority = $"数据比对核实结论 #{f.Id}（{ComparisonRules.NameOf(f.RuleCode)}，{user.UserName} {today:yyyy-MM-dd}）";
        // A death verified against the police or health records is the registry's death event: the person is recorded deceased
        // and every module acts on it in this transaction, not only the benefit of the finding.
        if (input.Action == FindingAction.RecordDeath)
        {
            var person = await db.Persons.FirstOrDefaultAsync(p => p.Id == f.PersonId, ct) ?? throw AppProblem.NotFound("人员");
            var date = f.EventDate!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (person.LifeStatus == LifeStatus.Deceased)
            {
                f.Effect = $"人员登记中已记载死亡（{person.DeathDate:yyyy-MM-dd}），各项待遇已按死亡处理";
            }
            else
            {
                var effects = await deaths.RecordAsync(person, f.EventDate!.Value, authority, ct);
                f.Effect = $"人员登记为死亡（{date}）" + (effects.Count > 0 ? "：" + string.Join("；", effects) : "");
            }
            if (f.Effect.Length > 500) f.Effect = f.Effect[..500];
        }
        else if (f.Direction == FindingDirection.Stop)
        {
            var benefit = input.Action switch { FindingAction.Suspend => BenefitAction.Suspend, FindingAction.Terminate => BenefitAction.Terminate, _ => BenefitAction.Recover };
            // where the confirming user may not decide it, the owning module records a proposal for its decider and says so
            var handler = actions.First(a => a.Supported.TryGetValue(f.Program, out var s) && s.Contains(benefit));
            f.Effect = await handler.ApplyAsync(new BenefitActionRequest(f.Program, f.SourceId, benefit, last ?? thisMonth, input.Note!.Trim(), authority), ct);
        }
        else
        {
            f.Effect = $"已转{programs.NameOf(f.Program)}申请受理：{ApplicationLink(f).Text}";
        }
        f.Status = FindingStatus.Confirmed;
        f.Action = input.Action;
        f.Note = input.Note!.Trim();
        f.ResolvedBy = user.UserName;
        f.ResolvedAt = clock.UtcNow;
        audit.Add("confirm", "comparison_finding", f.Id.ToString(CultureInfo.InvariantCulture), new { f.RuleCode, action = input.Action.ToString(), f.Effect }, f.DivisionCode);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return f;
    }

    public async Task<ComparisonFinding> DismissAsync(long id, DismissInput input, CancellationToken ct)
    {
        var f = await LoadOpenAsync(id, input.Version, ct);
        if (string.IsNullOrWhiteSpace(input.Reason)) throw AppProblem.Field("reason", "请写明排除理由（例如：车辆已过户、同名同号数据错误）");
        f.Status = FindingStatus.Dismissed;
        f.Note = input.Reason.Trim();
        f.ResolvedBy = user.UserName;
        f.ResolvedAt = clock.UtcNow;
        audit.Add("dismiss", "comparison_finding", f.Id.ToString(CultureInfo.InvariantCulture), new { f.RuleCode, reason = f.Note }, f.DivisionCode);
        await db.SaveChangesAsync(ct);
        return f;
    }

    /// <summary>Where the township starts the application a 应补 finding calls for.</summary>
    public static (string Href, string Text) ApplicationLink(ComparisonFinding f) => f.Program switch
    {
        DisabilityPrograms.Care or DisabilityPrograms.Living => ("/disability", "两项补贴窗口受理"),
        ChildPrograms.Orphan => ("/children/cases/new", "孤儿、事实无人抚养儿童申请"),
        _ => ("/assistance/cases/new", "社会救助申请受理"),
    };

    public async Task<List<FindingView>> ViewsAsync(IReadOnlyList<ComparisonFinding> rows, CancellationToken ct)
    {
        var personIds = rows.Select(r => r.PersonId).Distinct().ToList();
        var people = await db.Persons.AsNoTracking().Where(p => personIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, p.IdNumberMasked, p.DisabilityCategory, p.DisabilityGrade, p.BirthDate }).ToDictionaryAsync(p => p.Id, ct);
        var recordIds = rows.Where(r => r.RecordId is not null).Select(r => r.RecordId!.Value).Distinct().ToList();
        var records = await db.Set<ComparisonRecord>().AsNoTracking().Where(r => recordIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var datasetIds = records.Values.Select(r => r.DatasetId).Distinct().ToList();
        var datasets = await db.Set<ComparisonDataset>().AsNoTracking().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Where(d => datasetIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var today = clock.Today;
        return rows.Select(f =>
        {
            var p = people.GetValueOrDefault(f.PersonId);
            var r = f.RecordId is { } rid ? records.GetValueOrDefault(rid) : null;
            var d = r is null ? null : datasets.GetValueOrDefault(r.DatasetId);
            var evidence = r is not null && d is not null ? Evidence(d.Kind, r)
                : f.RuleCode switch
                {
                    "care-missing" => $"{(p?.DisabilityCategory is { } c ? RegistryLabels.Of(c) : "残疾")} {p?.DisabilityGrade} 级，未领取重度残疾人护理补贴",
                    "living-missing" => $"{(p?.DisabilityCategory is { } c ? RegistryLabels.Of(c) : "残疾")} {p?.DisabilityGrade} 级，所在家庭享受低保，未领取困难残疾人生活补贴",
                    "orphan-no-case" => $"{p?.BirthDate:yyyy-MM-dd} 出生，户内登记的父母均已死亡，未享受孤儿或事实无人抚养儿童基本生活费",
                    _ => "",
                };
            var source = d is null ? null : $"{DatasetKinds.Of(d.Kind).Name}第 {d.Version} 版（{d.Source}，截至 {d.AsOf:yyyy-MM-dd}）第 {r!.Line} 行";
            var age = (int)(clock.UtcNow - f.FoundAt).TotalDays;
            return new FindingView(f, p?.Name ?? "（不在管辖范围）", p?.IdNumberMasked ?? "", divisions.FullName(f.DivisionCode), ComparisonRules.NameOf(f.RuleCode),
                programs.NameOf(f.Program), evidence, source, age);
        }).ToList();
    }

    public static string Evidence(DatasetKind kind, ComparisonRecord r)
    {
        static string Yuan(long? fen) => fen is { } v ? new Platform.Money.Money(v).ToYuanString() : "";
        return kind switch
        {
            DatasetKind.Deaths => $"死亡日期 {r.EventDate:yyyy-MM-dd}" + (r.Reference is { } x ? $"（{x}）" : ""),
            DatasetKind.DisabilityCertificates => $"残疾人证 {r.Reference}：{r.Category}残疾 {r.Grade} 级，{r.Status}" + (r.EndDate is { } e ? $"，有效期至 {e:yyyy-MM-dd}" : ""),
            DatasetKind.Vehicles => $"{r.Category} {r.Reference}（{r.Status}）" + (r.EventDate is { } e ? $"，{e:yyyy-MM-dd} 登记" : ""),
            DatasetKind.RealEstate => $"不动产 {r.Reference}" + (r.Category is { } c ? $"（{c}）" : "") + (r.EventDate is { } e ? $"，{e:yyyy-MM-dd} 登记" : ""),
            DatasetKind.Businesses => $"{r.Category ?? "市场主体"} {r.Reference}，{r.Status}" + (r.EventDate is { } e ? $"，{e:yyyy-MM-dd} 成立" : ""),
            DatasetKind.PublicPayroll => $"{r.Reference}" + (r.Category is { } c ? $" {c}" : "") + (r.AmountFen is not null ? $"，月应发 {Yuan(r.AmountFen)}" : ""),
            DatasetKind.Pensions => $"{r.Category} 每月 {Yuan(r.AmountFen)}" + (r.EventDate is { } e ? $"，{e:yyyy-MM-dd} 起" : ""),
            DatasetKind.Detention => $"{r.Category}，{r.EventDate:yyyy-MM-dd} 起" + (r.EndDate is { } e ? $"至 {e:yyyy-MM-dd}" : "") + (r.Reference is { } x ? $"，{x}" : ""),
            _ => $"家庭年人均纯收入 {Yuan(r.AmountFen)}" + (r.Status is { } s ? $"（{s}）" : ""),
        };
    }
}
