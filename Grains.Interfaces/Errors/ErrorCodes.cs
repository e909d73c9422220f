namespace TimerGrid.Grains.Interfaces.Errors;

/// <summary>The error catalogue. Codes are stable: never renumber one, only add.</summary>
public static class ErrorCodes
{
    /// <summary>The body is not JSON, not an object, or a field has the wrong JSON type.</summary>
    public static readonly TimerGridError MalformedBody = new("E001", 400);
    /// <summary>A db, collection, job id or route id is not 1–128 chars of [A-Za-z0-9._~-], or is "." or "..".</summary>
    public static readonly TimerGridError InvalidKey = new("E002", 400);
    /// <summary>trigger_time is missing, not an integer, or outside the accepted range.</summary>
    public static readonly TimerGridError InvalidTriggerTime = new("E003", 400);
    /// <summary>No job with that db/collection/id.</summary>
    public static readonly TimerGridError JobNotFound = new("E004", 404);
    /// <summary>No route with that db/id.</summary>
    public static readonly TimerGridError RouteNotFound = new("E005", 404);
    /// <summary>A job with that id exists with a different body.</summary>
    public static readonly TimerGridError JobExists = new("E006", 409);
    /// <summary>A route with that id exists with a different body.</summary>
    public static readonly TimerGridError RouteExists = new("E007", 409);
    /// <summary>meta is larger than TimerGrid:MaxMetaBytes.</summary>
    public static readonly TimerGridError MetaTooLarge = new("E008", 413);
    /// <summary>The request body is larger than the server accepts.</summary>
    public static readonly TimerGridError BodyTooLarge = new("E009", 413);
    /// <summary>The job's route does not exist in the job's db.</summary>
    public static readonly TimerGridError UnknownRoute = new("E010", 400);
    /// <summary>webhook_url is missing or not an absolute http(s) URL.</summary>
    public static readonly TimerGridError InvalidWebhookUrl = new("E011", 400);
    /// <summary>type is missing or not a supported route type.</summary>
    public static readonly TimerGridError InvalidRouteType = new("E012", 400);
    /// <summary>The id in a PUT body differs from the id in its path.</summary>
    public static readonly TimerGridError IdMismatch = new("E013", 400);
    /// <summary>secret is not 16–256 printable ASCII chars.</summary>
    public static readonly TimerGridError InvalidSecret = new("E014", 400);
    /// <summary>payload is not "meta" or "envelope".</summary>
    public static readonly TimerGridError InvalidPayloadStyle = new("E015", 400);
    /// <summary>No such path.</summary>
    public static readonly TimerGridError UnknownPath = new("E016", 404);
    /// <summary>The path exists but not with this method.</summary>
    public static readonly TimerGridError MethodNotAllowed = new("E017", 405);
    /// <summary>A required field is missing.</summary>
    public static readonly TimerGridError MissingField = new("E018", 400);
    /// <summary>A schedule is invalid: cron expression, time zone, interval, start/end time or jitter.</summary>
    public static readonly TimerGridError InvalidSchedule = new("E019", 400);
    /// <summary>A job needs exactly one of trigger_time and schedule, or misfire is not fire_once, skip or fire_all.</summary>
    public static readonly TimerGridError InvalidTrigger = new("E020", 400);
    /// <summary>No execution with that id.</summary>
    public static readonly TimerGridError ExecutionNotFound = new("E021", 404);
    /// <summary>A time range bound is not an integer epoch ms (on the dashboard: a UTC time as yyyy-MM-ddTHH:mm), or from is not before to.</summary>
    public static readonly TimerGridError InvalidTimeRange = new("E022", 400);
    /// <summary>A paging cursor was not made by RecordCursor.</summary>
    public static readonly TimerGridError InvalidCursor = new("E023", 400);
    /// <summary>A job name is empty, longer than 200 characters, or holds control characters.</summary>
    public static readonly TimerGridError InvalidName = new("E024", 400);
    /// <summary>Another job of the collection already has that name.</summary>
    public static readonly TimerGridError NameTaken = new("E025", 409);
    /// <summary>page or pagesize is not an integer in range, or page and cursor are both given.</summary>
    public static readonly TimerGridError InvalidPaging = new("E026", 400);
    /// <summary>A listing filter has an unknown value: status, enabled, or failed (of a db's executions).</summary>
    public static readonly TimerGridError InvalidFilter = new("E027", 400);
    /// <summary>A batch body is not <c>{"jobs": [...]}</c>, or holds no job or more than <see cref="Validation.JobBatchRules.MaxJobs"/>.</summary>
    public static readonly TimerGridError InvalidBatch = new("E028", 400);
    /// <summary>No API key: the Authorization header is missing or is not <c>Bearer &lt;key&gt;</c>.</summary>
    public static readonly TimerGridError MissingApiKey = new("E030", 401);
    /// <summary>The API key is unknown or revoked.</summary>
    public static readonly TimerGridError InvalidApiKey = new("E031", 401);
    /// <summary>The API key is scoped to another db.</summary>
    public static readonly TimerGridError ApiKeyWrongDb = new("E032", 403);
    /// <summary>The API key's role does not allow this request.</summary>
    public static readonly TimerGridError ApiKeyRoleTooLow = new("E033", 403);
    /// <summary>The API key sent more requests than its rate limit allows; retry after Retry-After seconds.</summary>
    public static readonly TimerGridError RateLimited = new("E034", 429);
    /// <summary>An API key's role is not read, write or admin.</summary>
    public static readonly TimerGridError InvalidApiKeyRole = new("E035", 400);
    /// <summary>No API key with that id.</summary>
    public static readonly TimerGridError ApiKeyNotFound = new("E036", 404);
    /// <summary>Replay asked of a job that is not failed (dead-lettered).</summary>
    public static readonly TimerGridError JobNotFailed = new("E037", 409);
    /// <summary>Seed 002: <c>queue</c> is missing, or not 1–128 characters of <c>[A-Za-z0-9._~-]</c>.</summary>
    public static readonly TimerGridError InvalidQueueName = new("E038", 400);
    /// <summary>Seed 002: <c>params</c> is not a JSON object.</summary>
    public static readonly TimerGridError InvalidQueueParams = new("E039", 400);
    /// <summary>Seed 002: an <c>X-Accepted-*</c> header is not a whole number in its documented range.</summary>
    public static readonly TimerGridError InvalidQueueHeader = new("E040", 400);
    /// <summary>Seed 002: <c>X-Accepted-Callback-URL</c> is not an absolute http(s) URL.</summary>
    public static readonly TimerGridError InvalidCallbackUrl = new("E041", 400);
    /// <summary>Seed 002: an update's <c>status</c> is not <c>done</c> or <c>failed</c>.</summary>
    public static readonly TimerGridError InvalidQueueJobStatus = new("E042", 400);
    /// <summary>Seed 002: an update of a job that is already finished, or was cancelled by a delete.</summary>
    public static readonly TimerGridError QueueJobFinished = new("E043", 409);
    /// <summary>Seed 002: the queue's name is taken by a route of another type in db <c>default</c>.</summary>
    public static readonly TimerGridError QueueNameTaken = new("E044", 409);
    /// <summary>A GRAIN route's grain_interface is missing, empty, longer than 256 characters, or holds whitespace or control characters.</summary>
    public static readonly TimerGridError InvalidGrainInterface = new("E050", 400);
    /// <summary>A GRAIN route's grain_key is empty, longer than 512 characters, or has a placeholder other than {db}, {collection} and {id}.</summary>
    public static readonly TimerGridError InvalidGrainKey = new("E051", 400);
    /// <summary>max_dispatches_per_second is not a number greater than 0 (fractions are valid), is above the maximum, or is set on a QUEUE route.</summary>
    public static readonly TimerGridError InvalidDispatchRate = new("E052", 400);
    /// <summary>max_concurrent_dispatches is not a whole number of at least 1, is above the maximum, or is set on a QUEUE route.</summary>
    public static readonly TimerGridError InvalidConcurrencyLimit = new("E053", 400);
    /// <summary>circuit_breaker_threshold is not a whole number of at least 1, is above the maximum, or is set on a QUEUE route.</summary>
    public static readonly TimerGridError InvalidCircuitThreshold = new("E054", 400);
    /// <summary>A dashboard form was posted from a page of another site (its Origin is not this server).</summary>
    public static readonly TimerGridError CrossSiteForm = new("E060", 403);
    /// <summary>The API key entered on the dashboard's login page is unknown or revoked.</summary>
    public static readonly TimerGridError UiKeyRefused = new("E061", 401);
    /// <summary>Storage did not answer; nothing was changed.</summary>
    public static readonly TimerGridError StorageUnavailable = new("E503", 503);
    /// <summary>A grain call was not answered in time: the request may still have been carried out, in whole or in part.</summary>
    public static readonly TimerGridError ClusterTimeout = new("E504", 504);
    /// <summary>A bug on our side; logged.</summary>
    public static readonly TimerGridError Internal = new("E500", 500);
}
