using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Marriage.Registry;
using Minzheng.Web.Modules.Marriage.Rules;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Calendar;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Modules.Marriage.Divorce;

/// <summary>
/// What the clerk records when both parties apply in person: the office, the two registry persons, the marriage (a platform
/// registration, or the certificate number and date of one registered elsewhere), the agreement's three parts, and the facts
/// the clerk checks that decide whether the application is accepted at all (婚姻登记条例 第十二条).
/// </summary>
public sealed record DivorceApplyInput(
    Guid? OfficeId,
    Guid? MalePersonId,
    Guid? FemalePersonId,
    Guid? MarriageId,
    [property: Text(40)] string? MarriageCertificateNumber,
    DateOnly? MarriedOn,
    [property: Text(2000)] string? ChildrenArrangement,
    [property: Text(2000)] string? PropertyArrangement,
    [property: Text(2000)] string? DebtArrangement,
    bool BothInPerson,
    bool AgreementSigned,
    bool BothFullCapacity,
    bool MarriedInMainland);

/// <summary>撤回离婚登记申请: which party withdraws, and the statement on the 撤回离婚登记申请书.</summary>
public sealed record DivorceWithdrawInput(int? Version, Guid? PersonId, [property: Text(500)] string? Statement);

/// <summary>The second appearance: both parties in person, the clerk's review opinion.</summary>
public sealed record DivorceRegisterInput(int? Version, bool BothInPerson, [property: Text(500)] string? Opinion);

/// <summary>One row of the clerk's list.</summary>
public sealed record DivorceRow(DivorceApplication Application, string MaleName, string FemaleName, string OfficeName);

/// <summary>
/// 协议离婚 with the cooling-off (民法典 第一千零七十六条、第一千零七十七条; 婚姻登记条例 第十条至第十三条; 民政部
/// 民发〔2020〕116号): receipt and acceptance or refusal, withdrawal within the cooling-off, registration on the second
/// appearance, and the deemed withdrawal of the daily job. Each use case is one transaction; every state change goes through
/// the workflow engine (guard before effect).
/// </summary>
public sealed class DivorceApplications(AppDbContext db, ICurrentUser user, BusinessClock clock, FigureBook figures, WorkingCalendar calendar,
    WorkflowEngine workflow, CaseNumbers numbers, MarriageCertificates certificates, MaritalStatuses statuses, AuditLog audit)
{
    /// <summary>The shortest text accepted for each part of the agreement (a word or two is not an agreement on it).</summary>
    public const int MinAgreementText = 4;

    public async Task<DivorceApplication> LoadAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<DivorceApplication>().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw AppProblem.NotFound("离婚登记申请");

    public async Task<DivorceRow> RowAsync(Guid id, CancellationToken ct = default) =>
        (await Rows().Where(r => r.A.Id == id).ToListAsync(ct)).Select(ToRow).FirstOrDefault() ?? throw AppProblem.NotFound("离婚登记申请");

    private sealed class RowQuery
    {
        public required DivorceApplication A { get; init; }
        public required string Male { get; init; }
        public required string Female { get; init; }
        public required string Office { get; init; }
    }

    private static DivorceRow ToRow(RowQuery r) => new(r.A, r.Male, r.Female, r.Office);

    private IQueryable<RowQuery> Rows() =>
        from a in db.Set<DivorceApplication>().AsNoTracking()
        join m in db.Persons on a.MalePersonId equals m.Id
        join f in db.Persons on a.FemalePersonId equals f.Id
        join o in db.Set<MarriageOffice>() on a.OfficeId equals o.Id
        select new RowQuery { A = a, Male = m.Name, Female = f.Name, Office = o.Name };

    /// <summary>The list, open ones first (the nearest last day first), then the closed ones newest first.</summary>
    public async Task<Paged<DivorceRow>> ListAsync(DivorceStatus? status, PageRequest page, CancellationToken ct = default)
    {
        var q = Rows();
        if (status is { } s) q = q.Where(r => r.A.Status == s);
        var paged = await q.OrderBy(r => r.A.Status == DivorceStatus.Accepted ? 0 : 1)
            .ThenBy(r => r.A.AppearUntil).ThenByDescending(r => r.A.ReceivedOn).ThenByDescending(r => r.A.Id)
            .ToPagedAsync(page, ct);
        return paged.Select(ToRow);
    }

    /// <summary>
    /// Receives an application both parties make in person: accepted with the cooling-off dates of the law of the day of
    /// receipt, or not accepted with written grounds (no agreement, a party without full civil capacity, a marriage not
    /// registered in the mainland: 婚姻登记条例 第十二条). With no cooling-off in force (to 2020-12-31) an accepted application
    /// is registered on the spot in the same transaction (条例 第十三条).
    /// </summary>
    public async Task<DivorceApplication> ApplyAsync(DivorceApplyInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        InputRules.ThrowIfInvalid(input);
        var errors = new ValidationErrors();
        if (input.OfficeId is null) errors.Add("officeId", "请选择婚姻登记处");
        if (input.MalePersonId is null) errors.Add("malePersonId", "请选择男方（人员登记中的人员）");
        if (input.FemalePersonId is null) errors.Add("femalePersonId", "请选择女方（人员登记中的人员）");
        if (!input.BothInPerson) errors.Add("bothInPerson", "离婚登记须双方亲自到婚姻登记机关申请（民法典第一千零七十六条）");
        if (input.MarriageId is null)
        {
            if (string.IsNullOrWhiteSpace(input.MarriageCertificateNumber)) errors.Add("marriageCertificateNumber", "婚姻不是在本平台登记的，请填写结婚证字号");
            if (input.MarriedOn is null) errors.Add("marriedOn", "婚姻不是在本平台登记的，请填写结婚登记日期");
        }
        var today = clock.Today;
        if (input.MarriedOn is { } married && (married > today || married.Year < 1950)) errors.Add("marriedOn", "结婚登记日期不在1950年至今的范围内");
        if (input.AgreementSigned)
        {
            // the agreement's three parts are required once the parties say they have one (民法典 第一千零七十六条第二款)
            Agreement(errors, "childrenArrangement", input.ChildrenArrangement, "子女抚养");
            Agreement(errors, "propertyArrangement", input.PropertyArrangement, "财产处理");
            Agreement(errors, "debtArrangement", input.DebtArrangement, "债务处理");
        }
        errors.ThrowIfAny();

        var office = await db.Set<MarriageOffice>().FirstOrDefaultAsync(o => o.Id == input.OfficeId, ct) ?? throw AppProblem.NotFound("婚姻登记处");
        var male = await db.Persons.FirstOrDefaultAsync(p => p.Id == input.MalePersonId, ct);
        var female = await db.Persons.FirstOrDefaultAsync(p => p.Id == input.FemalePersonId, ct);
        if (male is null) errors.Add("malePersonId", "男方不在人员登记中或不在您的管辖范围内", "person_not_found");
        else if (male.Sex != Sex.Male) errors.Add("malePersonId", "人员登记记载该人不是男性");
        if (female is null) errors.Add("femalePersonId", "女方不在人员登记中或不在您的管辖范围内", "person_not_found");
        else if (female.Sex != Sex.Female) errors.Add("femalePersonId", "人员登记记载该人不是女性");
        errors.ThrowIfAny();

        MarriageRegistration? marriage = null;
        if (input.MarriageId is { } marriageId)
        {
            marriage = await db.Set<MarriageRegistration>().FirstOrDefaultAsync(r => r.Id == marriageId, ct);
            if (marriage is null || marriage.Kind != RegistrationKind.Marriage || marriage.MalePersonId != male!.Id || marriage.FemalePersonId != female!.Id)
                throw AppProblem.Field("marriageId", "所选结婚登记不存在、不在您的管辖范围内，或不是这两人之间的婚姻", "person_not_found");
            if (marriage.Status != RegistrationStatus.InForce)
                throw new AppProblem(422, "divorce_not_married", "所选结婚登记已解除、撤销或因死亡终止，不能再办理离婚登记");
        }
        if (male!.MaritalStatus != MaritalStatus.Married || female!.MaritalStatus != MaritalStatus.Married)
            throw new AppProblem(422, "divorce_not_married", $"人员登记记载的婚姻状况：男方{MaritalStatusLabels.Name(male.MaritalStatus)}，女方{MaritalStatusLabels.Name(female!.MaritalStatus)}；双方须为有配偶");
        var law = MarriageFigures.LawOn(figures, MarriageInitializer.City, today);
        if (!MarriageRules.InJurisdiction(law, office.DivisionCode, male.DivisionCode, female.DivisionCode, false))
            throw new AppProblem(422, "marriage_not_this_registry", "双方常住户口均不在本登记机关辖区，请到一方常住户口所在地的婚姻登记机关办理（婚姻登记条例第十条）");
        if (await db.Set<DivorceApplication>().AnyAsync(a => a.Status == DivorceStatus.Accepted && (a.MalePersonId == male.Id || a.FemalePersonId == female.Id), ct))
            throw AppProblem.Conflict("divorce_application_exists", "双方（或其中一方）已有正在冷静期或待发证的离婚登记申请");

        var grounds = NotAcceptedGrounds(input.AgreementSigned, input.BothFullCapacity, input.MarriedInMainland);
        var timeline = MarriageModule.Timeline(today, figures, calendar);
        var a = new DivorceApplication
        {
            Number = await numbers.NextAsync(new NumberSeries("LS" + office.NumberCode + "-" + today.Year + "-", null, 6),
                db.Set<DivorceApplication>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Select(x => (string?)x.Number), ct),
            Status = grounds.Count > 0 ? DivorceStatus.NotAccepted : DivorceStatus.Accepted,
            OfficeId = office.Id,
            DivisionCode = office.DivisionCode,
            MalePersonId = male.Id,
            FemalePersonId = female.Id,
            MarriageId = marriage?.Id,
            MarriageCertificateNumber = marriage?.Number ?? input.MarriageCertificateNumber!.Trim(),
            MarriedOn = marriage?.RegisteredOn ?? input.MarriedOn!.Value,
            ChildrenArrangement = (input.ChildrenArrangement ?? "").Trim(),
            PropertyArrangement = (input.PropertyArrangement ?? "").Trim(),
            DebtArrangement = (input.DebtArrangement ?? "").Trim(),
            ReceivedOn = today,
            WithdrawUntil = timeline.WithdrawUntil,
            AppearFrom = timeline.AppearFrom,
            AppearUntil = timeline.AppearUntil,
            CoolingOffDays = timeline.CoolingOffDays,
            RefusalGrounds = grounds.Count > 0 ? string.Join("\n", grounds) : null,
            ClosedOn = grounds.Count > 0 ? today : null,
            ReceivedBy = user.UserName,
        };
        db.Add(a);
        var c = await workflow.StartAsync(DivorceProcess.Code, DivorceProcess.SubjectType, a.Id, $"协议离婚 {a.Number}", a.DivisionCode, null, ct);
        a.WorkflowCaseId = c.Id;
        if (grounds.Count > 0)
        {
            await workflow.PerformAsync(c, new TransitionRequest(DivorceProcess.Refuse, string.Join("；", grounds)), _ => Task.CompletedTask, ct);
        }
        else
        {
            await workflow.PerformAsync(c, new TransitionRequest(DivorceProcess.Accept, timeline.Rule), _ => Task.CompletedTask, ct);
            if (a.CoolingOffDays == 0)
            {
                // 婚姻登记条例（2003）第十三条: no cooling-off in force on the day of receipt → registered on the spot
                await workflow.PerformAsync(c, new TransitionRequest(DivorceProcess.Register, "受理日无离婚冷静期，当场予以登记"), _ => RegisterEffectAsync(a, ct), ct);
            }
        }
        audit.Add("divorce-apply", nameof(DivorceApplication), a.Id.ToString(), new { a.Number, a.Status, a.ReceivedOn, a.WithdrawUntil, a.AppearFrom, a.AppearUntil }, a.DivisionCode);
        await db.SaveChangesAsync(ct);
        return a;
    }

    private static void Agreement(ValidationErrors errors, string field, string? text, string name)
    {
        var length = InputRules.Length((text ?? "").Trim());
        if (length == 0) errors.Add(field, $"离婚协议须写明{name}的处理意见");
        else if (length < MinAgreementText) errors.Add(field, $"{name}的处理意见过短（至少{MinAgreementText}个字），请写明具体安排");
    }

    /// <summary>The grounds of 不予受理 (婚姻登记条例 第十二条), each a line of the 告知书; empty when the application is accepted.</summary>
    public static IReadOnlyList<string> NotAcceptedGrounds(bool agreementSigned, bool bothFullCapacity, bool marriedInMainland)
    {
        var grounds = new List<string>();
        if (!agreementSigned) grounds.Add("双方未达成离婚协议（婚姻登记条例第十二条第一项）");
        if (!bothFullCapacity) grounds.Add("一方或者双方属于无民事行为能力人或者限制民事行为能力人（婚姻登记条例第十二条第二项）");
        if (!marriedInMainland) grounds.Add("双方的结婚登记不是在中国内地办理的（婚姻登记条例第十二条第三项）");
        return grounds;
    }

    /// <summary>
    /// 撤回离婚登记申请 by either party within the cooling-off (民法典 第一千零七十七条第一款): the marriage stays as it was.
    /// After the last day of the cooling-off 409 (the application then waits for both to come back, or lapses).
    /// </summary>
    public async Task<DivorceApplication> WithdrawAsync(Guid id, DivorceWithdrawInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        InputRules.ThrowIfInvalid(input);
        var a = await LoadAsync(id, ct);
        if (input.PersonId is not { } party || (party != a.MalePersonId && party != a.FemalePersonId))
            throw AppProblem.Field("personId", "请选择提出撤回的一方（须为申请人之一）");
        if (a.Status != DivorceStatus.Accepted) throw AppProblem.Conflict("divorce_not_open", "该离婚登记申请已办结，不能撤回");
        var today = clock.Today;
        if (today > a.WithdrawUntil)
            throw AppProblem.Conflict("divorce_withdraw_period_over", $"冷静期已于{a.WithdrawUntil:yyyy年M月d日}届满，不能再撤回离婚登记申请");
        var statement = string.IsNullOrWhiteSpace(input.Statement) ? "本人自愿撤回离婚登记申请" : input.Statement.Trim();
        var c = await CaseAsync(a, ct);
        await workflow.PerformAsync(c, new TransitionRequest(DivorceProcess.Withdraw, statement) { Subject = a, Version = input.Version }, _ =>
        {
            a.Status = DivorceStatus.Withdrawn;
            a.WithdrawnByPersonId = party;
            a.WithdrawalStatement = statement;
            a.ClosedOn = today;
            return Task.CompletedTask;
        }, ct);
        audit.Add("divorce-withdraw", nameof(DivorceApplication), a.Id.ToString(), new { a.Number, party }, a.DivisionCode);
        await db.SaveChangesAsync(ct);
        return a;
    }

    /// <summary>
    /// The second appearance (民法典 第一千零七十七条第二款): from the day after the cooling-off to the last day of the
    /// appearance period both parties apply in person for the certificate; the clerk reviews and registers. Before that 409;
    /// after it 409 (deemed withdrawn: the daily job closes it).
    /// </summary>
    public async Task<DivorceApplication> RegisterAsync(Guid id, DivorceRegisterInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        InputRules.ThrowIfInvalid(input);
        var a = await LoadAsync(id, ct);
        if (!input.BothInPerson) throw AppProblem.Field("bothInPerson", "申请发给离婚证须双方亲自到场（民法典第一千零七十七条第二款）");
        if (a.Status != DivorceStatus.Accepted) throw AppProblem.Conflict("divorce_not_open", "该离婚登记申请已办结，不能登记");
        var today = clock.Today;
        if (today < a.AppearFrom)
            throw AppProblem.Conflict("divorce_too_early", $"冷静期至{a.WithdrawUntil:yyyy年M月d日}届满，双方可于{a.AppearFrom:yyyy年M月d日}至{a.AppearUntil:yyyy年M月d日}期间申请发给离婚证");
        if (today > a.AppearUntil)
            throw AppProblem.Conflict("divorce_appearance_over", $"申请发证的期限已于{a.AppearUntil:yyyy年M月d日}届满，视为撤回离婚登记申请");
        var c = await CaseAsync(a, ct);
        var opinion = string.IsNullOrWhiteSpace(input.Opinion) ? "双方亲自到场，确认离婚意愿和协议，予以登记" : input.Opinion;
        await workflow.PerformAsync(c, new TransitionRequest(DivorceProcess.Register, opinion) { Subject = a, Version = input.Version }, _ => RegisterEffectAsync(a, ct), ct);
        await db.SaveChangesAsync(ct);
        return a;
    }

    /// <summary>
    /// The registration's effect, in the caller's transaction: the divorce registered (L… number), the marriage dissolved, both
    /// persons divorced with their history, the marriage's certificates superseded and a 离婚证 to each party.
    /// </summary>
    private async Task RegisterEffectAsync(DivorceApplication a, CancellationToken ct)
    {
        var today = clock.Today;
        var office = await db.Set<MarriageOffice>().FirstAsync(o => o.Id == a.OfficeId, ct);
        var male = await db.Persons.FirstOrDefaultAsync(p => p.Id == a.MalePersonId, ct) ?? throw AppProblem.NotFound("男方");
        var female = await db.Persons.FirstOrDefaultAsync(p => p.Id == a.FemalePersonId, ct) ?? throw AppProblem.NotFound("女方");
        if (male.MaritalStatus != MaritalStatus.Married || female.MaritalStatus != MaritalStatus.Married || male.LifeStatus != LifeStatus.Alive || female.LifeStatus != LifeStatus.Alive)
            throw new AppProblem(422, "divorce_not_married", "人员登记记载的婚姻状况或生存状况已变化（一方已死亡或婚姻已解除），不能登记离婚");
        MarriageRegistration? marriage = null;
        if (a.MarriageId is { } mid)
        {
            marriage = await db.Set<MarriageRegistration>().FirstAsync(r => r.Id == mid, ct);
            if (marriage.Status != RegistrationStatus.InForce) throw new AppProblem(422, "divorce_not_married", "所述结婚登记已不在有效状态，不能登记离婚");
        }
        var number = await certificates.NextRegistrationNumberAsync(office, RegistrationKind.Divorce, today, ct);
        var divorce = new MarriageRegistration
        {
            Number = number,
            Kind = RegistrationKind.Divorce,
            OfficeId = office.Id,
            DivisionCode = office.DivisionCode,
            RegisteredOn = today,
            MalePersonId = male.Id,
            FemalePersonId = female.Id,
            MarriageId = marriage?.Id,
            SourceId = a.Id,
            RegisteredBy = user.UserName,
        };
        db.Add(divorce);
        if (marriage is not null)
        {
            marriage.Status = RegistrationStatus.Dissolved;
            marriage.EndedOn = today;
            marriage.EndedBy = $"离婚登记 {number}";
            await certificates.SupersedeAsync(marriage.Id, ct);
        }
        statuses.Record(male, MaritalStatus.Divorced, today, "离婚登记", number, divorce.Id);
        statuses.Record(female, MaritalStatus.Divorced, today, "离婚登记", number, divorce.Id);
        await certificates.IssueAsync(divorce, CertificateKind.DivorceCertificate, male.Id, null, ct);
        await certificates.IssueAsync(divorce, CertificateKind.DivorceCertificate, female.Id, null, ct);
        a.Status = DivorceStatus.Registered;
        a.RegistrationId = divorce.Id;
        a.ClosedOn = today;
        audit.Add("divorce-register", nameof(DivorceApplication), a.Id.ToString(), new { a.Number, registration = number, a.MarriageId }, a.DivisionCode);
    }

    /// <summary>
    /// 视为撤回 (民法典 第一千零七十七条第二款): every accepted application whose appearance period ended before
    /// <paramref name="today"/> without registration is closed, audited, one transaction each. Idempotent: a closed application
    /// is no longer accepted, so running it twice closes nothing more. Runs as the system (the daily job).
    /// </summary>
    public async Task<int> SweepDeemedWithdrawnAsync(DateOnly today, CancellationToken ct = default)
    {
        var due = await db.Set<DivorceApplication>().Where(a => a.Status == DivorceStatus.Accepted && a.AppearUntil < today)
            .OrderBy(a => a.AppearUntil).ThenBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);
        var closed = 0;
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            var a = await db.Set<DivorceApplication>().FirstAsync(x => x.Id == id, ct);
            if (a.Status != DivorceStatus.Accepted) continue;
            var c = await CaseAsync(a, ct);
            await workflow.PerformAsync(c, new TransitionRequest(DivorceProcess.DeemWithdrawn,
                $"冷静期届满后{a.AppearUntil:yyyy年M月d日}前双方未共同到场申请发给离婚证，视为撤回离婚登记申请（民法典第一千零七十七条第二款）"), _ =>
            {
                a.Status = DivorceStatus.DeemedWithdrawn;
                a.ClosedOn = today;
                return Task.CompletedTask;
            }, ct);
            audit.Add("divorce-deemed-withdrawn", nameof(DivorceApplication), a.Id.ToString(), new { a.Number, a.AppearUntil }, a.DivisionCode);
            try
            {
                await db.SaveChangesAsync(ct);
                closed++;
            }
            catch (DbUpdateConcurrencyException)
            {
                // another run (the job on another instance, or a clerk's last-minute action) changed it first: its outcome stands
            }
        }
        return closed;
    }

    private async Task<WorkflowCase> CaseAsync(DivorceApplication a, CancellationToken ct) =>
        await db.WorkflowCases.FirstOrDefaultAsync(c => c.Id == a.WorkflowCaseId, ct)
        ?? throw new InvalidOperationException($"离婚登记申请 {a.Number} 没有流程案件");

    public static string StatusName(DivorceStatus s) => s switch
    {
        DivorceStatus.NotAccepted => "不予受理",
        DivorceStatus.Accepted => "已受理",
        DivorceStatus.Withdrawn => "已撤回",
        DivorceStatus.DeemedWithdrawn => "视为撤回",
        _ => "已登记",
    };

    /// <summary>Where an accepted application stands on <paramref name="today"/>: 冷静期 / 待双方到场申请发证 / 期满待关闭.</summary>
    public static string PhaseName(DivorceApplication a, DateOnly today) => a.Status != DivorceStatus.Accepted ? StatusName(a.Status)
        : today <= a.WithdrawUntil ? "冷静期（可撤回）"
        : today <= a.AppearUntil ? "待双方到场申请发证"
        : "期满未到场（待视为撤回）";
}
