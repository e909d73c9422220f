using System.Text.Json;
using TimerGrid.Grains.Interfaces.Errors;

namespace TimerGrid.Gateway.Json;

/// <summary>Reads a request body as one JSON object, enforcing a size limit whatever the server in front.</summary>
internal static class JsonBody
{
    public static async Task<JsonDocument> ReadObjectAsync(HttpRequest request, long maxBytes)
    {
        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge(maxBytes);
            }
            buffer.Write(chunk, 0, read);
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw new TimerGridException(ErrorCodes.MalformedBody, $"the body is not valid JSON: {e.Message}");
        }
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new TimerGridException(ErrorCodes.MalformedBody, "the body must be a JSON object");
        }
        return document;
    }

    private static TimerGridException TooLarge(long maxBytes) =>
        new(ErrorCodes.BodyTooLarge, $"the body is larger than {maxBytes} bytes");
}
