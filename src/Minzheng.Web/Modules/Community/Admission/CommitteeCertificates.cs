using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Community.Committees;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Community.Admission;

public sealed record CertificateInput
{
    /// <summary>The issuing committee; omitted by a village worker, whose own committee it is.</summary>
    public Guid? CommitteeId { get; init; }
    [Text(40)] public string? TypeCode { get; init; }

    /// <summary>The registry person certified, or only a name for someone not in the registry.</summary>
    public Guid? PersonId { get; init; }
    [Text(PersonNames.MaxLength)] public string? PersonName { get; init; }
    [Text(AdmissionLimits.Purpose)] public string? Purpose { get; init; }

    /// <summary>What the committee certifies, in its words.</summary>
    [Text(AdmissionLimits.Content)] public string? Content { get; init; }
    public DateOnly? IssuedOn { get; init; }
}

public sealed record CertificateTypeInput
{
    [Text(40)] public string? Code { get; init; }
    [Text(AdmissionLimits.Title)] public string? Name { get; init; }
    public bool? Allowed { get; init; }
    [Text(AdmissionLimits.Basis)] public string? LegalBasis { get; init; }
    [Text(AdmissionLimits.Basis)] public string? Instead { get; init; }
    public DateOnly? ValidFrom { get; init; }
    [Text(200)] public string? Document { get; init; }
}

public sealed record EndTypeInput
{
    public int? Version { get; init; }
    public DateOnly? ValidTo { get; init; }
}

public sealed record CertificateFilter(Guid? CommitteeId = null, string? DivisionCode = null, string? TypeCode = null, DateOnly? From = null, DateOnly? To = null);

public sealed record CertificateTypeDto(Guid Id, string Code, string Name, bool Allowed, string LegalBasis, string Instead, DateOnly ValidFrom, DateOnly? ValidTo,
    bool InForce, string Document, bool IsDemo, int Version);

public sealed record CertificateDto(Guid Id, string Number, Guid CommitteeId, string CommitteeName, string DivisionCode, string TypeCode, string TypeName,
    string LegalBasis, Guid? PersonId, string PersonName, string Purpose, string Content, DateOnly IssuedOn, string IssuedBy);

public sealed record CertificateTypeCount(string TypeCode, string TypeName, int Count);

/// <summary>Certificates issued in scope: the total, by type, and by committee (the log's counts, the dashboard's figures).</summary>
public sealed record CertificateCounts(int Total, IReadOnlyList<CertificateTypeCount> ByType, IReadOnlyList<CertificateCommitteeCount> ByCommittee);

public sealed record CertificateCommitteeCount(string DivisionCode, string Name, int Count);

/// <summary>
/// The certificate catalogue and the committees' certificates (issue 18 item 4 (3)–(4)): a committee issues only a type the
/// catalogue allows and has in force on the day (民发〔2020〕20号); a forbidden type is refused with the directive and what the
/// asking department does instead, and the refusal is logged; every certificate is numbered, logged and printable.
/// </summary>
public sealed class CommitteeCertificates(AppDbContext db, CommitteeRegistry committees, ICurrentUser user, DivisionDirectory divisions, CaseNumbers numbers, BusinessClock clock, AuditLog audit)
{
    // ---------------------------------------------------------------- catalogue

    public async Task<IReadOnlyList<CertificateTypeDto>> TypesAsync(bool? allowed = null, CancellationToken ct = default)
    {
        var q = db.Set<CertificateType>().AsNoTracking();
        if (allowed is { } a) q = q.Where(t => t.Allowed == a);
        var rows = await q.OrderByDescending(t => t.Allowed).ThenBy(t => t.CreatedAt).ThenBy(t => t.Code).ToListAsync(ct);
        return [.. rows.Select(ToDto)];
    }

    public async Task<CertificateType> AddTypeAsync(CertificateTypeInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        EnsureOverseer();
        var errors = new ValidationErrors();
        var code = input.Code?.Trim().ToLowerInvariant() ?? "";
        if (code.Length == 0 || !code.All(ch => ch is >= 'a' and <= 'z' or >= '0' and <= '9' or '-')) errors.Add("code", "请填写代码（小写字母、数字和连字符）");
        else if (await db.Set<CertificateType>().AnyAsync(t => t.Code == code, ct)) errors.Add("code", "该代码已在目录中");
        if (string.IsNullOrWhiteSpace(input.Name)) errors.Add("name", "请填写证明事项名称");
        if (input.Allowed is null) errors.Add("allowed", "请选择可以出具或不得出具");
        if (string.IsNullOrWhiteSpace(input.LegalBasis)) errors.Add("legalBasis", "请填写依据");
        if (string.IsNullOrWhiteSpace(input.Document)) errors.Add("document", "请填写列入目录的文件（文号）");
        errors.ThrowIfAny();
        var t = new CertificateType
        {
            Code = code,
            Name = input.Name!.Trim(),
            Allowed = input.Allowed!.Value,
            LegalBasis = input.LegalBasis!.Trim(),
            Instead = input.Instead?.Trim() ?? "",
            ValidFrom = input.ValidFrom ?? clock.Today,
            Document = input.Document!.Trim(),
        };
        db.Add(t);
        audit.Add("certificate-type-add", "com_certificate_type", t.Id.ToString(), new { t.Code, t.Name, t.Allowed, t.LegalBasis, t.Document });
        await db.SaveChangesAsync(ct);
        return t;
    }

    public async Task<CertificateType> EndTypeAsync(Guid id, EndTypeInput input, CancellationToken ct = default)
    {
        EnsureOverseer();
        var t = await db.Set<CertificateType>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw AppProblem.NotFound("证明事项");
        if (input.Version is not { } version) throw AppProblem.Field("version", "缺少版本号");
        var to = input.ValidTo ?? clock.Today;
        if (to < t.ValidFrom) throw AppProblem.Field("validTo", "停止日期不能早于施行日期");
        db.ExpectVersion(t, version);
        t.ValidTo = to;
        audit.Add("certificate-type-end", "com_certificate_type", t.Id.ToString(), new { t.Code, t.ValidTo });
        await db.SaveChangesAsync(ct);
        return t;
    }

    // ---------------------------------------------------------------- certificates

    /// <summary>Issues a certificate; a type the catalogue forbids, does not know, or has not in force is refused (and the refusal logged).</summary>
    public async Task<CommitteeCertificate> IssueAsync(CertificateInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        if (!user.HasPermission(CommunityPermissions.Certify)) throw AppProblem.Forbidden("您没有以村（居）委会名义出具证明的权限");
        var today = clock.Today;
        var on = input.IssuedOn ?? today;
        var errors = new ValidationErrors();
        var committee = await committees.ResolveAsync(input.CommitteeId, errors, "出具证明", ct);
        if (string.IsNullOrWhiteSpace(input.TypeCode)) errors.Add("typeCode", "请选择证明事项");
        if (on > today) errors.Add("issuedOn", "出具日期不能晚于今天");
        errors.ThrowIfAny();

        // the catalogue decides before anything else is asked: a forbidden certificate is refused whatever the rest of the form says
        var code = input.TypeCode!.Trim().ToLowerInvariant();
        var type = await db.Set<CertificateType>().AsNoTracking().FirstOrDefaultAsync(t => t.Code == code, ct);
        switch (AdmissionRules.Check(type, on))
        {
            case CertificateVerdict.Forbidden:
                await audit.RecordAsync("certificate-refused", "com_certificate_type", type!.Id.ToString(), new { type.Code, type.Name, committee = committee!.Name, person = input.PersonName },
                    committee.DivisionCode, ct: ct);
                throw AppProblem.Conflict("com_certificate_forbidden", AdmissionRules.ForbiddenDetail(type));
            case CertificateVerdict.Unknown:
                throw AppProblem.Conflict("com_certificate_not_listed",
                    $"证明事项目录中没有“{input.TypeCode}”。未列入目录的证明事项，村（居）民委员会不予出具（{AdmissionRules.Directive}：无法律法规依据的证明一律不得出具）");
            case CertificateVerdict.NotInForce:
                throw AppProblem.Conflict("com_certificate_not_listed",
                    $"证明事项“{type!.Name}”{(type.ValidFrom > on ? $"自{type.ValidFrom:yyyy年M月d日}起" : $"已于{type.ValidTo:yyyy年M月d日}停止")}，{on:yyyy年M月d日}不能出具");
        }

        Person? person = null;
        if (input.PersonId is { } pid && (person = await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pid, ct)) is null)
        {
            errors.Add("personId", "人员不存在或不在您的管辖范围内");
        }
        var name = person?.Name ?? input.PersonName?.Trim() ?? "";
        if (person is null && input.PersonId is null && !PersonNames.IsValid(name)) errors.Add("personName", "请填写证明对象的姓名（或从人员库选择）");
        if (string.IsNullOrWhiteSpace(input.Purpose)) errors.Add("purpose", "请填写证明用途（向哪个单位、办理什么事项）");
        if (string.IsNullOrWhiteSpace(input.Content)) errors.Add("content", "请填写证明的事实");
        errors.ThrowIfAny();

        var c = new CommitteeCertificate
        {
            Number = await numbers.NextAsync(new NumberSeries("ZM" + committee!.DivisionCode, on.Year, 4),
                db.Set<CommitteeCertificate>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Select(x => (string?)x.Number), ct),
            CommitteeId = committee.Id,
            DivisionCode = committee.DivisionCode,
            TypeId = type!.Id,
            TypeCode = type.Code,
            TypeName = type.Name,
            LegalBasis = type.LegalBasis,
            PersonId = person?.Id,
            PersonName = name,
            Purpose = input.Purpose!.Trim(),
            Content = input.Content!.Trim(),
            IssuedOn = on,
            IssuedBy = (user.DisplayName ?? user.UserName) is { Length: > 100 } s ? s[..100] : user.DisplayName ?? user.UserName,
        };
        db.Add(c);
        audit.Add("certificate-issue", "com_certificate", c.Id.ToString(), new { c.Number, c.TypeCode, c.PersonId, c.Purpose }, c.DivisionCode);
        await db.SaveChangesAsync(ct);
        return c;
    }

    public IQueryable<CommitteeCertificate> Query(CertificateFilter f)
    {
        var q = db.Set<CommitteeCertificate>().AsNoTracking();
        if (f.CommitteeId is { } cid) q = q.Where(c => c.CommitteeId == cid);
        q = q.Within(f.DivisionCode);
        if (!string.IsNullOrWhiteSpace(f.TypeCode)) q = q.Where(c => c.TypeCode == f.TypeCode);
        if (f.From is { } from) q = q.Where(c => c.IssuedOn >= from);
        if (f.To is { } to) q = q.Where(c => c.IssuedOn <= to);
        return q.OrderByDescending(c => c.IssuedOn).ThenByDescending(c => c.Number);
    }

    public async Task<Paged<CertificateDto>> ListAsync(CertificateFilter f, PageRequest page, CancellationToken ct = default)
    {
        var rows = await Query(f).ToPagedAsync(page, ct);
        var names = await CommitteeNamesAsync(rows.Items.Select(c => c.CommitteeId), ct);
        return rows.Select(c => ToDto(c, names.GetValueOrDefault(c.CommitteeId, "")));
    }

    /// <summary>Counts in scope by type and by committee (the log's head, the dashboard's “证明出具情况”).</summary>
    public async Task<CertificateCounts> CountsAsync(CertificateFilter f, CancellationToken ct = default)
    {
        var q = Query(f);
        var byType = await q.GroupBy(c => new { c.TypeCode, c.TypeName }).Select(g => new { g.Key.TypeCode, g.Key.TypeName, Count = g.Count() }).ToListAsync(ct);
        var byCommittee = await q.GroupBy(c => c.DivisionCode).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return new CertificateCounts(byType.Sum(t => t.Count),
            [.. byType.OrderByDescending(t => t.Count).ThenBy(t => t.TypeCode, StringComparer.Ordinal).Select(t => new CertificateTypeCount(t.TypeCode, t.TypeName, t.Count))],
            [.. byCommittee.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => new CertificateCommitteeCount(x.Key, divisions.NameOf(x.Key), x.Count))]);
    }

    public async Task<CertificateDto> DtoAsync(Guid id, CancellationToken ct = default)
    {
        var c = await db.Set<CommitteeCertificate>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw AppProblem.NotFound("证明");
        var names = await CommitteeNamesAsync([c.CommitteeId], ct);
        return ToDto(c, names.GetValueOrDefault(c.CommitteeId, ""));
    }

    // ---------------------------------------------------------------- helpers


    private async Task<Dictionary<Guid, string>> CommitteeNamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Set<Committee>().AsNoTracking().Where(c => list.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
    }

    private void EnsureOverseer()
    {
        if (!user.HasPermission(CommunityPermissions.Oversee)) throw AppProblem.Forbidden("证明事项目录由县级以上民政部门维护");
    }

    public CertificateTypeDto ToDto(CertificateType t)
    {
        var today = clock.Today;
        return new(t.Id, t.Code, t.Name, t.Allowed, t.LegalBasis, t.Instead, t.ValidFrom, t.ValidTo, t.ValidFrom <= today && (t.ValidTo is null || t.ValidTo >= today),
            t.Document, t.IsDemo, t.Version);
    }

    private static CertificateDto ToDto(CommitteeCertificate c, string committee) =>
        new(c.Id, c.Number, c.CommitteeId, committee, c.DivisionCode, c.TypeCode, c.TypeName, c.LegalBasis, c.PersonId, c.PersonName, c.Purpose, c.Content, c.IssuedOn, c.IssuedBy);
}
