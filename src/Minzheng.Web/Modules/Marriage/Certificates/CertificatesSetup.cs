using Minzheng.Web.Modules.Marriage.Registry;
using Minzheng.Web.Platform.Access;

namespace Minzheng.Web.Modules.Marriage.Certificates;

/// <summary>补领 and the 婚姻登记记录证明 (issue 15 item 1): the use case and the API under /certificates.</summary>
public static class CertificatesSetup
{
    public sealed record CertificateDto(Guid Id, string Kind, string KindName, string Number, string Status, string StatusName, Guid RegistrationId,
        string RegistrationNumber, DateOnly RegisteredOn, string Authority, Guid HolderPersonId, string HolderName, string OtherName, DateOnly IssuedOn,
        Guid? ReplacesId, bool Valid, string ValidityText, string VerifyPath);

    public sealed record RequestDto(bool Reissued, string Outcome, string Explanation, CertificateDto Certificate);

    public static IServiceCollection AddCertificateRequests(this IServiceCollection services)
    {
        services.AddScoped<CertificateRequests>();
        return services;
    }

    public static void MapCertificateRequests(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/certificates");
        g.MapGet("/{id:guid}", async (Guid id, CertificateRequests requests, CancellationToken ct) => TypedResults.Ok(ToDto(await requests.ViewAsync(id, ct))))
            .RequireAuthorization(Permissions.Policy(MarriagePermissions.Read)).WithSummary("一份结婚证、离婚证或婚姻登记记录证明（打印页的数据、当前效力、核验地址）");
        g.MapPost("/requests", async (CertificateRequestInput input, CertificateRequests requests, CancellationToken ct) =>
        {
            var outcome = await requests.RequestAsync(input, ct);
            return TypedResults.Created($"/api/v1/marriage/certificates/{outcome.Certificate.Id}",
                new RequestDto(outcome.Reissued, outcome.Reissued ? "reissued" : "record-proof", outcome.Explanation, ToDto(await requests.ViewAsync(outcome.Certificate.Id, ct))));
        }).RequireAuthorization(Permissions.Policy(MarriagePermissions.Register))
            .WithSummary("当事人申请补领结婚证、离婚证：婚姻状况未变的补发（原证作废），已变化的出具婚姻登记记录证明");
    }

    public static CertificateDto ToDto(CertificateView v) => new(v.Certificate.Id, v.Certificate.Kind switch
    {
        CertificateKind.MarriageCertificate => "marriage",
        CertificateKind.DivorceCertificate => "divorce",
        _ => "record-proof",
    }, MarriageCertificates.KindName(v.Certificate.Kind), v.Certificate.Number, v.Certificate.Status.ToString().ToLowerInvariant(),
        CertificateRequests.StatusName(v.Certificate.Status), v.Registration.Id, v.Registration.Number, v.Registration.RegisteredOn, v.Office.Authority,
        v.Certificate.HolderPersonId, v.HolderName, v.OtherName, v.Certificate.IssuedOn, v.Certificate.ReplacesId, v.Valid, v.ValidityText,
        CertificateRequests.VerifyPath(v.Certificate.Token));
}
