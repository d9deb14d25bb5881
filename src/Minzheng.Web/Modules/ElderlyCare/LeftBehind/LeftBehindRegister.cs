using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.ElderlyCare.Contracts;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.ElderlyCare.LeftBehind;

/// <param name="Since">Since when the child has been away (month and day as the family tells the village).</param>
public sealed record ChildAwayInput([Text(50)] string? Name, [Text(20)] string? Relation, [Text(100)] string? Place, DateOnly? Since);

/// <param name="PersonId">The elder (registry person, from the person page); or <paramref name="IdNumber"/> typed by the clerk.</param>
/// <param name="RegisteredOn">The day the village surveyed the elder (信息采集日期), at most a year back; today when left out.</param>
/// <param name="WorkerUserName">The account of the village worker who visits (a user of the elder's village or community).</param>
public sealed record RegisterInput(
    Guid? PersonId, [Text(18)] string? IdNumber, LivingArrangement? Living, [NoNullItems] List<ChildAwayInput>? ChildrenAway,
    LeftBehindRisk? Risk, [Text(500)] string? RiskReason, [Text(100)] string? WorkerUserName,
    [Text(50)] string? ContactName, [Text(20)] string? ContactRelation, [Text(20)] string? ContactPhone, DateOnly? RegisteredOn);

public sealed record RiskInput(LeftBehindRisk? Risk, [Text(500)] string? Reason, int? Version);

public sealed record ExitInput([Text(200)] string? Reason, DateOnly? ExitedOn, int? Version);

/// <summary>
/// The register of rural left-behind elders: registration against the working definition (figures in force on the business
/// clock's today; age from the registry's birth date), the risk level and its change (the next due date recomputed with the new
/// level's interval), exit with a reason. Scope: the person's division (AppDbContext's filter and write check).
/// </summary>
public sealed class LeftBehindRegister(AppDbContext db, ICurrentUser user, FigureBook figures, IdentifierProtector protector, BusinessClock clock, AuditLog audit)
{
    public const int MaxChildren = 10;
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static IReadOnlyList<ChildAway> ChildrenOf(LeftBehindElder e) => JsonSerializer.Deserialize<List<ChildAway>>(e.ChildrenAway, Json) ?? [];

    public async Task<LeftBehindElder> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Set<LeftBehindElder>().FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw AppProblem.NotFound("留守老年人");

    public async Task<LeftBehindElder> RegisterAsync(RegisterInput input, CancellationToken ct = default)
    {
        RequireWrite();
        InputRules.ThrowIfInvalid(input);
        var today = clock.Today;
        var errors = new ValidationErrors();
        Person? person = null;
        var personField = input.PersonId is not null && string.IsNullOrWhiteSpace(input.IdNumber) ? "personId" : "idNumber";
        if (input.PersonId is null && string.IsNullOrWhiteSpace(input.IdNumber)) errors.Add("idNumber", "请填写老人的身份证号（须已在人员登记中登记）");
        else
        {
            try
            {
                var id = await PersonLookup.RequireAsync(db, protector, input.PersonId, input.IdNumber, personField, "老人", ct);
                person = await db.Persons.FirstAsync(p => p.Id == id, ct);
            }
            catch (AppProblem p) when (p.Errors.Count > 0)
            {
                foreach (var (field, messages) in p.Errors) foreach (var m in messages) errors.Add(field, m);
            }
        }
        if (person is not null && person.LifeStatus != LifeStatus.Alive) errors.Add(personField, "该老人已登记死亡或失踪");

        var on = input.RegisteredOn ?? today;
        if (on > today || on < today.AddYears(-1)) errors.Add("registeredOn", "登记（信息采集）日期须在一年内且不晚于今天");
        if (input.Living is not { } living || !Enum.IsDefined(living)) errors.Add("living", "请选择居住情况（独居、仅与配偶居住、与其他家庭成员同住）");
        if (input.Risk is not { } risk || !Enum.IsDefined(risk)) errors.Add("risk", "请选择风险等级");
        if (string.IsNullOrWhiteSpace(input.RiskReason)) errors.Add("riskReason", "请填写评定风险等级的理由（如：独居、患慢性病、住房不安全）");
        if (string.IsNullOrWhiteSpace(input.ContactName)) errors.Add("contactName", "请填写紧急联系人（子女或其他监护人）");
        if (string.IsNullOrWhiteSpace(input.ContactRelation)) errors.Add("contactRelation", "请填写联系人与老人的关系");
        var phone = input.ContactPhone?.Trim();
        if (string.IsNullOrEmpty(phone)) errors.Add("contactPhone", "请填写联系人电话");
        else if (!System.Text.RegularExpressions.Regex.IsMatch(phone, @"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")) errors.Add("contactPhone", "联系电话格式不正确（手机 11 位或带区号的固定电话）");

        var children = new List<ChildAway>();
        var given = input.ChildrenAway ?? [];
        if (given.Count == 0) errors.Add("childrenAway", "请登记外出子女（留守以子女外出为前提）");
        if (given.Count > MaxChildren) errors.Add("childrenAway", $"外出子女最多登记 {MaxChildren} 人");
        for (var i = 0; i < Math.Min(given.Count, MaxChildren); i++)
        {
            var c = given[i];
            if (string.IsNullOrWhiteSpace(c.Name)) errors.Add($"childrenAway[{i}].name", "请填写子女姓名");
            if (string.IsNullOrWhiteSpace(c.Relation)) errors.Add($"childrenAway[{i}].relation", "请填写与老人的关系（儿子、女儿等）");
            if (string.IsNullOrWhiteSpace(c.Place)) errors.Add($"childrenAway[{i}].place", "请填写外出地点（省市或单位）");
            if (c.Since is not { } since || since > on) errors.Add($"childrenAway[{i}].since", "请填写外出起始日期（不晚于登记日期）");
            else if (!string.IsNullOrWhiteSpace(c.Name) && !string.IsNullOrWhiteSpace(c.Relation) && !string.IsNullOrWhiteSpace(c.Place))
            {
                children.Add(new ChildAway(c.Name.Trim(), c.Relation.Trim(), c.Place.Trim(), since));
            }
        }

        AppUser? worker = null;
        if (string.IsNullOrWhiteSpace(input.WorkerUserName)) errors.Add("workerUserName", "请选择负责巡访的村（社区）工作人员");
        else if (person is not null)
        {
            var name = input.WorkerUserName.Trim();
            worker = await db.Users.FirstOrDefaultAsync(u => u.UserName == name && u.DivisionCode == person.DivisionCode && !u.IsDisabled && u.OrganizationId == null, ct);
            if (worker is null) errors.Add("workerUserName", "巡访人员须是老人所在村（社区）的工作人员账号");
        }
        errors.ThrowIfAny();

        var (f, used) = LeftBehindFigureKinds.Load(figures, person!.DivisionCode, on);
        var (qualifies, reasons) = LeftBehindRules.Qualifies(person.BirthDate, person.HukouType == HukouType.Rural,
            [.. children.Select(c => LeftBehindRules.MonthsAway(c.Since, on))], input.Living!.Value, on, f);
        if (!qualifies)
        {
            // each unmet condition beside the field that carries it: age and hukou are the registry's, the rest the form's
            var age = person.AgeOn(on);
            if (age < f.MinAge) errors.Add(personField, $"{person.Name} {age} 周岁，未满 {f.MinAge} 周岁（{used[0].Row.Document}）");
            if (person.HukouType != HukouType.Rural) errors.Add(personField, $"{person.Name} 为非农业户籍，不属于农村留守老年人");
            if (children.Any(c => LeftBehindRules.MonthsAway(c.Since, on) < f.MinMonthsAway)) errors.Add("childrenAway", $"子女须均外出满 {f.MinMonthsAway} 个月（{used[1].Row.Document}）");
            if (input.Living == LivingArrangement.WithOthers || (input.Living == LivingArrangement.WithSpouseOnly && !f.SpouseOnlyCounts))
                errors.Add("living", string.Join("；", reasons.Where(r => r.Contains("居住", StringComparison.Ordinal))));
            if (!errors.Any) errors.Add(personField, string.Join("；", reasons));
            errors.ThrowIfAny();
        }
        if (await db.Set<LeftBehindElder>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AnyAsync(e => e.PersonId == person.Id && e.Status == LeftBehindStatus.InRegister, ct))
        {
            throw AppProblem.Conflict("left_behind_registered", $"{person.Name} 已在农村留守老年人名册中");
        }

        var elder = new LeftBehindElder
        {
            PersonId = person.Id,
            DivisionCode = person.DivisionCode,
            Name = person.Name,
            Living = input.Living.Value,
            ChildrenAway = JsonSerializer.Serialize(children, Json),
            Risk = input.Risk!.Value,
            RiskReason = input.RiskReason!.Trim(),
            WorkerUserId = worker!.Id,
            WorkerName = string.IsNullOrEmpty(worker.DisplayName) ? worker.UserName! : worker.DisplayName,
            ContactName = input.ContactName!.Trim(),
            ContactRelation = input.ContactRelation!.Trim(),
            ContactPhoneCipher = protector.Encrypt(phone!, ProtectedKind.Phone),
            ContactPhoneMasked = Person.MaskPhone(phone!),
            Basis = string.Join("；", reasons) + "。依据：" + string.Join("；", used.Take(3).Select(u => u.Basis)),
            RegisteredOn = on,
            RegisteredBy = user.UserName,
        };
        elder.NextVisitDue = LeftBehindRules.NextDue(on, elder.Risk, f);
        db.Add(elder);
        audit.Add("register", nameof(LeftBehindElder), elder.Id.ToString(), new { elder.PersonId, elder.Living, elder.Risk, children = children.Count }, elder.DivisionCode);
        await db.SaveChangesAsync(ct);
        return elder;
    }

    /// <summary>A new risk level (with its reason): the next visit falls due the new level's interval after the last visit (or registration).</summary>
    public async Task<LeftBehindElder> ChangeRiskAsync(Guid id, RiskInput input, CancellationToken ct = default)
    {
        RequireWrite();
        InputRules.ThrowIfInvalid(input);
        var elder = await LoadAsync(id, ct);
        var errors = new ValidationErrors();
        if (input.Risk is not { } risk || !Enum.IsDefined(risk)) errors.Add("risk", "请选择风险等级");
        if (string.IsNullOrWhiteSpace(input.Reason)) errors.Add("reason", "请填写调整风险等级的理由");
        if (input.Version is null) errors.Add("version", "缺少版本号，无法判断记录是否已被他人修改");
        errors.ThrowIfAny();
        db.ExpectVersion(elder, input.Version!.Value);
        RequireOpen(elder);
        var (f, _) = LeftBehindFigureKinds.Load(figures, elder.DivisionCode, clock.Today);
        var before = elder.Risk;
        elder.Risk = input.Risk!.Value;
        elder.RiskReason = input.Reason!.Trim();
        elder.NextVisitDue = LeftBehindRules.NextDue(elder.LastVisitOn ?? elder.RegisteredOn, elder.Risk, f);
        audit.Add("risk", nameof(LeftBehindElder), elder.Id.ToString(), new { from = before, to = elder.Risk, elder.NextVisitDue }, elder.DivisionCode);
        await db.SaveChangesAsync(ct);
        return elder;
    }

    /// <summary>Leaves the register (子女返乡、迁出、入住养老机构…); a death closes the row through <see cref="LeftBehindDeathHandler"/>.</summary>
    public async Task<LeftBehindElder> ExitAsync(Guid id, ExitInput input, CancellationToken ct = default)
    {
        RequireWrite();
        InputRules.ThrowIfInvalid(input);
        var elder = await LoadAsync(id, ct);
        var today = clock.Today;
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(input.Reason)) errors.Add("reason", "请填写退出名册的原因（如：子女返乡共同居住、户籍迁出）");
        var on = input.ExitedOn ?? today;
        if (on > today || on < elder.RegisteredOn) errors.Add("exitedOn", "退出日期须在登记日期之后且不晚于今天");
        if (input.Version is null) errors.Add("version", "缺少版本号，无法判断记录是否已被他人修改");
        errors.ThrowIfAny();
        db.ExpectVersion(elder, input.Version!.Value);
        RequireOpen(elder);
        elder.Status = LeftBehindStatus.Exited;
        elder.ExitedOn = on;
        elder.ExitReason = input.Reason!.Trim();
        audit.Add("exit", nameof(LeftBehindElder), elder.Id.ToString(), new { on, elder.ExitReason }, elder.DivisionCode);
        await db.SaveChangesAsync(ct);
        return elder;
    }

    internal static void RequireOpen(LeftBehindElder elder)
    {
        if (elder.Status != LeftBehindStatus.InRegister)
            throw AppProblem.Conflict("left_behind_exited", $"{elder.Name} 已于 {elder.ExitedOn:yyyy-MM-dd} 退出名册（{elder.ExitReason}）");
    }

    private void RequireWrite()
    {
        if (!user.HasPermission(LeftBehindPermissions.Write)) throw AppProblem.Forbidden("您没有登记农村留守老年人和巡访的权限");
    }
}
