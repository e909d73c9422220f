using System.Text.Json;
using TimerGrid.Grains.Interfaces.Errors;

namespace TimerGrid.Gateway.Json;

/// <summary>Reads a request body as one JSON object (or value), enforcing a size limit whatever the server in front.</summary>
internal static class JsonBody
{
    public static async Task<JsonDocument> ReadObjectAsync(HttpRequest request, long maxBytes)
    {
        var document = await ReadAsync(request, maxBytes);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new TimerGridException(ErrorCodes.MalformedBody, "the body must be a JSON object");
        }
        return document;
    }

    /// <summary>Any one JSON value; <see cref="ErrorCodes.MalformedBody"/> when it is not JSON.</summary>
    public static async Task<JsonDocument> ReadAsync(HttpRequest request, long maxBytes)
    {
        if (request.ContentLength > maxBytes)
        {
            throw await TooLargeAsync(request, maxBytes);
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw await TooLargeAsync(request, maxBytes);
            }
            buffer.Write(chunk, 0, read);
        }
        try
        {
            return JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw new TimerGridException(ErrorCodes.MalformedBody, $"the body is not valid JSON: {e.Message}");
        }
    }

    private static async Task<TimerGridException> TooLargeAsync(HttpRequest request, long maxBytes)
    {
        // Answering before the body is read makes the server close a connection the client is still writing to:
        // a client without Expect: 100-continue (urllib, requests) then sees a broken pipe instead of the 413.
        if (request.ContentLength is not > GatewayLimits.HardBodyBytes && !ExpectsContinue(request))
        {
            await DiscardAsync(request);
        }
        return new(ErrorCodes.BodyTooLarge, $"the body is larger than {maxBytes} bytes");
    }

    private static async Task DiscardAsync(HttpRequest request)
    {
        var chunk = new byte[64 * 1024];
        try
        {
            while (await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted) > 0)
            {
            }
        }
        catch (BadHttpRequestException)
        {
            // Past the hard limit: the 413 still goes out, and Kestrel closes the connection.
        }
    }

    /// <summary>Such a client sends the body only once it is read: not reading it refuses it cheaply.</summary>
    private static bool ExpectsContinue(HttpRequest request) =>
        request.Headers.Expect.Any(value => string.Equals(value, "100-continue", StringComparison.OrdinalIgnoreCase));
}
