using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Minzheng.Web.Modules.Geography.Boundaries.Pages;

/// <summary>
/// The form of a line's own fields, shared by the new-line form of the list and the edit form of the line page; the sides are
/// nested (SideA.Code …) so that the use case's field names (sideA, sideA.name) land beside them.
/// </summary>
public sealed class BoundaryLineForm
{
    public sealed class SideForm
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
    }

    public string? Name { get; set; }
    public BoundaryLevel? Level { get; set; }
    public SideForm SideA { get; set; } = new();
    public SideForm SideB { get; set; } = new();
    public string? AgreementDocument { get; set; }
    public decimal? LengthKm { get; set; }
    public string? GeoJson { get; set; }
    public string? DetailMapReference { get; set; }
    public int? Version { get; set; }

    public BoundaryLineInput ToInput() => new()
    {
        Name = Name,
        Level = Level,
        SideA = new SideInput(SideA.Code?.Trim(), SideA.Name),
        SideB = new SideInput(SideB.Code?.Trim(), SideB.Name),
        AgreementDocument = AgreementDocument,
        LengthKm = LengthKm,
        GeoJson = GeoJson,
        DetailMapReference = DetailMapReference,
    };

    public static BoundaryLineForm From(BoundaryLine l) => new()
    {
        Name = l.Name,
        Level = l.Level,
        SideA = new SideForm { Code = l.SideACode, Name = l.SideAName },
        SideB = new SideForm { Code = l.SideBCode, Name = l.SideBName },
        AgreementDocument = l.AgreementDocument,
        LengthKm = l.LengthKm,
        GeoJson = l.GeoJson,
        DetailMapReference = l.DetailMapReference,
        Version = l.Version,
    };
}

/// <summary>What the shared fields partial needs: the form's prefix (Input, Edit), its values and the page's field errors.</summary>
public sealed record LineFieldsModel(string Prefix, BoundaryLineForm Form, ModelStateDictionary State)
{
    public string Id(string field) => $"{Prefix.ToLowerInvariant()}-{field.ToLowerInvariant().Replace('.', '-')}";

    public string Name(string field) => $"{Prefix}.{field}";

    /// <summary>The messages beside a field; for a side, those of the side and of its code and name.</summary>
    public IReadOnlyList<string> Errors(params string[] fields) =>
        fields.SelectMany(f => State.TryGetValue(Name(f), out var e) ? e.Errors.Select(x => x.ErrorMessage) : []).Where(m => m.Length > 0).Distinct().ToList();

    /// <summary>What was typed into a field that could not be read (a length of "abc"), else its value: the form shows it again as typed.</summary>
    public string? Typed(string field, string? value) =>
        State.TryGetValue(Name(field), out var e) && e.Errors.Count > 0 && e.AttemptedValue is not null ? e.AttemptedValue : value;
}
