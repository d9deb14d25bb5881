using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Funeral.Facilities;

public sealed record FacilityInput
{
    [Text(100)] public string? Name { get; init; }
    public FacilityKind? Kind { get; init; }
    public bool? PublicWelfare { get; init; }

    /// <summary>The township or village (12 digits) where it lies; its county supervises it.</summary>
    [Text(12)] public string? DivisionCode { get; init; }

    [Text(200)] public string? Address { get; init; }
    [Text(100)] public string? ApprovalAuthority { get; init; }
    [Text(100)] public string? ApprovalDocument { get; init; }
    public DateOnly? ApprovedOn { get; init; }
    [Within(0, 1_000_000)] public int? Capacity { get; init; }
    [Within(0, 10_000_000)] public decimal? LandArea { get; init; }
    [Within(0, 100)] public decimal? EcoShare { get; init; }

    /// <summary>The account the county pays 惠民殡葬 settlements into (a funeral home's).</summary>
    [Text(100)] public string? BankName { get; init; }

    [Text(40)] public string? BankAccount { get; init; }
}

public sealed record PlotInput
{
    [Text(20)] public string? Section { get; init; }
    [Text(20)] public string? RowNo { get; init; }
    [Text(20)] public string? Number { get; init; }
    [Within(0, 1000)] public decimal? Area { get; init; }
    public PlotKind? Kind { get; init; }
    [Within(0, 100)] public int? TermYears { get; init; }
    [Amount] public decimal? Price { get; init; }
}

public sealed record PlotSaleInput
{
    public Guid? HolderPersonId { get; init; }
    public Guid? DeceasedPersonId { get; init; }
    [Text(20)] public string? CertificateKind { get; init; }
    [Text(40)] public string? CertificateNumber { get; init; }
    public int? Version { get; init; }
}

/// <summary>
/// Funeral facilities and their plots: registration with the approval the 条例 第八条 requires, plots within the size and
/// term figures of the day, and the sale of a plot only against a death, cremation or reburial certificate.
/// </summary>
public sealed class FuneralFacilities(AppDbContext db, ICurrentUser user, BusinessClock clock, FigureBook figures, OrganizationRegistration organizations, DivisionDirectory divisions, AuditLog audit)
{
    public async Task<FuneralFacility> CreateAsync(FacilityInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(input.Name)) errors.Add("name", "请填写设施名称");
        if (input.Kind is not { } kind || !Enum.IsDefined(kind)) errors.Add("kind", "请选择设施类型");
        if (string.IsNullOrWhiteSpace(input.DivisionCode) || divisions.Find(input.DivisionCode) is null) errors.Add("divisionCode", "请选择所在行政区划");
        if (string.IsNullOrWhiteSpace(input.ApprovalAuthority)) errors.Add("approvalAuthority", "请填写批准机关（殡葬管理条例第八条）");
        if (string.IsNullOrWhiteSpace(input.ApprovalDocument)) errors.Add("approvalDocument", "请填写批准文号");
        if (input.ApprovedOn is not { } approved || approved > clock.Today) errors.Add("approvedOn", "请填写批准日期（不晚于今天）");
        if (input.Kind == FacilityKind.CommercialCemetery && input.PublicWelfare == true) errors.Add("publicWelfare", "经营性公墓不是公益性设施");
        errors.ThrowIfAny();
        var k = input.Kind!.Value;
        // 殡仪馆 and 公益性公墓/墓地 are public welfare by their kind; only a 骨灰堂 or service station may be either
        var publicWelfare = k is FacilityKind.FuneralHome or FacilityKind.UrbanPublicCemetery or FacilityKind.RuralPublicCemetery || (k != FacilityKind.CommercialCemetery && input.PublicWelfare == true);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var org = await organizations.CreateAsync(new OrganizationInput
        {
            Name = input.Name!.Trim(),
            Kind = k == FacilityKind.CommercialCemetery ? OrganizationKind.Enterprise : OrganizationKind.PublicInstitution,
            DivisionCode = input.DivisionCode,
            Address = input.Address,
            BankName = input.BankName,
            BankAccount = input.BankAccount,
            LegalRepresentativeName = "（未填）",
            RegisteredOn = input.ApprovedOn,
        }, ct);
        var facility = new FuneralFacility
        {
            OrganizationId = org.Id,
            DivisionCode = DivisionCodes.CountyPart(org.DivisionCode).PadRight(DivisionCodes.Length, '0'),
            Name = org.Name,
            Kind = k,
            PublicWelfare = publicWelfare,
            ApprovalAuthority = input.ApprovalAuthority!.Trim(),
            ApprovalDocument = input.ApprovalDocument!.Trim(),
            ApprovedOn = input.ApprovedOn!.Value,
            Capacity = input.Capacity ?? 0,
            LandArea = input.LandArea ?? 0,
            EcoShare = input.EcoShare ?? 0,
        };
        db.Add(facility);
        audit.Add("create-facility", "funeral_facility", facility.Id.ToString(), new { facility.Name, facility.Kind, facility.ApprovalDocument }, facility.DivisionCode);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return facility;
    }

    public async Task<FuneralFacility> LoadAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<FuneralFacility>().FirstOrDefaultAsync(f => f.Id == id, ct) ?? throw AppProblem.NotFound("殡葬设施");

    public async Task<BurialPlot> AddPlotAsync(Guid facilityId, PlotInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var facility = await LoadAsync(facilityId, ct);
        var errors = new ValidationErrors();
        if (!FuneralFacility.IsCemetery(facility.Kind)) throw AppProblem.Conflict("funeral_not_cemetery", $"{facility.Name}是{FuneralFacility.KindName(facility.Kind)}，不设墓穴");
        if (string.IsNullOrWhiteSpace(input.Section)) errors.Add("section", "请填写墓区");
        if (string.IsNullOrWhiteSpace(input.RowNo)) errors.Add("rowNo", "请填写排号");
        if (string.IsNullOrWhiteSpace(input.Number)) errors.Add("number", "请填写穴号");
        if (input.Kind is not { } kind || !Enum.IsDefined(kind)) errors.Add("kind", "请选择墓穴类型");
        if (input.Price is not { } price || price < 0) errors.Add("price", "请填写价格（元）");
        errors.ThrowIfAny();
        var area = figures.Require(FuneralFigures.PlotMaxArea, facility.DivisionCode, clock.Today, PlotRules.FigureCategory(input.Kind!.Value));
        var term = figures.Require(FuneralFigures.PlotTermYears, facility.DivisionCode, clock.Today);
        var findings = PlotRules.CheckPlot(input.Kind!.Value, input.Area ?? 0, input.TermYears ?? 0, area.Number, term.Number, area.Basis);
        foreach (var f in findings) errors.Add(f.Field, f.Text, "funeral_plot_oversize");
        errors.ThrowIfAny();
        var (section, row, number) = (input.Section!.Trim(), input.RowNo!.Trim(), input.Number!.Trim());
        if (await db.Set<BurialPlot>().AnyAsync(p => p.FacilityId == facility.Id && p.Section == section && p.RowNo == row && p.Number == number, ct))
        {
            throw AppProblem.Conflict("funeral_plot_exists", $"{facility.Name} {section}区{row}排{number}号 已登记");
        }
        var plot = new BurialPlot
        {
            FacilityId = facility.Id,
            DivisionCode = facility.DivisionCode,
            Section = section,
            RowNo = row,
            Number = number,
            Area = input.Area!.Value,
            Kind = input.Kind.Value,
            TermYears = input.TermYears!.Value,
            Price = Platform.Money.Money.FromYuan(input.Price!.Value),
        };
        db.Add(plot);
        await db.SaveChangesAsync(ct);
        return plot;
    }

    public async Task<BurialPlot> LoadPlotAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<BurialPlot>().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw AppProblem.NotFound("墓穴");

    /// <summary>Sells a plot for a deceased person to the holder (a family member); refused without the certificate.</summary>
    public async Task<BurialPlot> SellAsync(Guid plotId, PlotSaleInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var plot = await LoadPlotAsync(plotId, ct);
        if (input.Version is not { } version) throw AppProblem.Field("version", "缺少版本号");
        db.ExpectVersion(plot, version);
        var errors = new ValidationErrors();
        if (input.HolderPersonId is not { } holderId || !await db.Persons.AnyAsync(p => p.Id == holderId, ct)) errors.Add("holderPersonId", "请选择购买人（登记在册的家属）");
        var deceased = input.DeceasedPersonId is { } did ? await db.Persons.FirstOrDefaultAsync(p => p.Id == did, ct) : null;
        if (deceased is null) errors.Add("deceasedPersonId", "请选择安葬的逝者（登记在册的人员）");
        if (PlotRules.CheckCertificate(input.CertificateKind, input.CertificateNumber) is { } missing) errors.Add(missing.Field, missing.Text, "funeral_certificate_required");
        errors.ThrowIfAny();
        if (plot.Status != PlotStatus.Available && plot.Status != PlotStatus.Reserved)
        {
            throw AppProblem.Conflict("funeral_plot_taken", $"墓穴 {plot.Location} {PlotRules.StatusName(plot.Status)}，不能出售");
        }
        // the certificate proves a death: the living may not buy a plot for themselves (活人墓)
        if (input.CertificateKind != "reburial" && deceased!.DeathDate is null && !await db.Set<DeathRecord>().AnyAsync(d => d.PersonId == deceased.Id, ct))
        {
            throw AppProblem.Field("deceasedPersonId", "该人员没有死亡登记，不得出售墓穴（请先登记死亡）", "funeral_certificate_required");
        }
        plot.HolderPersonId = input.HolderPersonId;
        plot.DeceasedPersonId = deceased!.Id;
        plot.CertificateKind = input.CertificateKind;
        plot.CertificateNumber = input.CertificateNumber!.Trim();
        plot.SoldOn = clock.Today;
        plot.SoldBy = user.UserName;
        plot.Status = PlotStatus.Sold;
        audit.Add("sell-plot", "funeral_plot", plot.Id.ToString(), new { plot.Location, plot.DeceasedPersonId, plot.CertificateKind, plot.CertificateNumber, price = plot.Price.Yuan }, plot.DivisionCode);
        await db.SaveChangesAsync(ct);
        return plot;
    }
}
