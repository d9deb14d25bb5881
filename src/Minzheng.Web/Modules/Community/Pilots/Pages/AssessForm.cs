using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Minzheng.Web.Modules.Community.Pilots.Pages;

/// <summary>The assessment form of the new and the detail page: one score box per indicator (Scores[i].Code fixed, Score typed).</summary>
public sealed class AssessForm
{
    public sealed class ScoreForm
    {
        public string? Code { get; set; }
        public decimal? Score { get; set; }
        public string? Note { get; set; }
    }

    public string? DivisionCode { get; set; }
    public int? Year { get; set; }
    public DateOnly? AssessedOn { get; set; }
    public string? Assessors { get; set; }
    public string? Findings { get; set; }
    public List<ScoreForm> Scores { get; set; } = [];
    public int? Version { get; set; }

    public CapacityAssessInput ToInput() => new()
    {
        DivisionCode = DivisionCode,
        Year = Year,
        AssessedOn = AssessedOn,
        Assessors = Assessors,
        Findings = Findings,
        Scores = [.. Scores.Select(s => new CapacityScoreInput { Code = s.Code, Score = s.Score, Note = s.Note })],
        Version = Version,
    };

    public static AssessForm From(CapacityAssessment a) => new()
    {
        DivisionCode = a.DivisionCode,
        Year = a.Year,
        AssessedOn = a.AssessedOn,
        Assessors = a.Assessors,
        Findings = a.Findings,
        Scores = [.. a.Scores.OrderBy(s => s.SortOrder).ThenBy(s => s.Code).Select(s => new ScoreForm { Code = s.Code, Score = s.Score, Note = s.Note })],
        Version = a.Version,
    };
}

/// <summary>One indicator's line of the form: what is scored, out of how much.</summary>
public sealed record ScoreLine(string Code, string Name, string Group, int MaxScore, string Description);

/// <summary>What the shared fields partial needs: the prefix (Input, Edit), the form, the indicator lines in the form's order and the page's errors.</summary>
public sealed record AssessFieldsModel(string Prefix, AssessForm Form, IReadOnlyList<ScoreLine> Lines, ModelStateDictionary State)
{
    public string Id(string field) => $"{Prefix.ToLowerInvariant()}-{field.ToLowerInvariant().Replace('.', '-').Replace('[', '-').Replace("]", "", StringComparison.Ordinal)}";

    public string Name(string field) => $"{Prefix}.{field}";

    public string Errors(string field) =>
        State.TryGetValue(Name(field), out var e) ? string.Join("；", e.Errors.Select(x => x.ErrorMessage).Where(m => m.Length > 0).Distinct()) : "";

    /// <summary>What was typed into a field that could not be read, else the value.</summary>
    public string? Typed(string field, string? value) =>
        State.TryGetValue(Name(field), out var e) && e.Errors.Count > 0 && e.AttemptedValue is not null ? e.AttemptedValue : value;

    /// <summary>The score typed for an indicator (matched by code, so that the form's order may differ from the catalogue's).</summary>
    public (int Index, AssessForm.ScoreForm? Score) Of(int line) =>
        Form.Scores.FindIndex(s => s.Code == Lines[line].Code) is var i and >= 0 ? (i, Form.Scores[i]) : (line, null);
}
