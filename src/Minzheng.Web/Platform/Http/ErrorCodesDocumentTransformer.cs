using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Minzheng.Web.Platform.Http;

/// <summary>
/// Lists every error code of the <see cref="ErrorCatalogue"/> in the OpenAPI document as the <c>x-error-codes</c> extension
/// (<c>[{code, status, meaning}]</c>), so API clients read the codes they may meet where they read the endpoints.
/// </summary>
public sealed class ErrorCodesDocumentTransformer(ErrorCatalogue catalogue) : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var codes = new JsonArray();
        foreach (var e in catalogue.All.OrderBy(e => e.Code, StringComparer.Ordinal))
        {
            codes.Add(new JsonObject { ["code"] = e.Code, ["status"] = e.Status, ["meaning"] = e.Meaning });
        }
        document.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        document.Extensions["x-error-codes"] = new JsonNodeExtension(codes);
        return Task.CompletedTask;
    }
}
