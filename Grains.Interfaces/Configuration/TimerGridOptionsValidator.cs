using System.ComponentModel.DataAnnotations;
using System.Data.Common;
using System.Net;
using Microsoft.Extensions.Options;

namespace TimerGrid.Grains.Interfaces.Configuration;

/// <summary>A bad <c>TimerGrid</c> value stops start-up with a message naming its key, not an exception from deep inside Orleans or Npgsql.</summary>
internal sealed class TimerGridOptionsValidator : IValidateOptions<TimerGridOptions>
{
    public ValidateOptionsResult Validate(string? name, TimerGridOptions options)
    {
        var annotations = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), annotations, validateAllProperties: true);
        var failures = annotations.Select(a => $"{Key(a.MemberNames.First())}: {a.ErrorMessage}").ToList();
        if (!Enum.IsDefined(options.Storage))
        {
            failures.Add($"{Key(nameof(options.Storage))}: '{options.Storage}' is not a storage (Sqlite or Postgres)");
        }
        if (options.Storage == StorageKind.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add($"{Key(nameof(options.ConnectionString))} is required when {Key(nameof(options.Storage))} is Postgres");
        }
        if (!string.IsNullOrWhiteSpace(options.ConnectionString) && !IsConnectionString(options.ConnectionString))
        {
            // Not the value: it may hold a password.
            failures.Add($"{Key(nameof(options.ConnectionString))} is not a Key=Value;… connection string (like Host=db;Database=timergrid;Username=…)");
        }
        if (!IPAddress.TryParse(options.AdvertisedIp, out _))
        {
            failures.Add($"{Key(nameof(options.AdvertisedIp))}: '{options.AdvertisedIp}' is not an IP address (unset, it is {ClusterEnvironment.PodIpVariable}, then 127.0.0.1)");
        }
        if (options.SiloPort == options.GatewayPort)
        {
            failures.Add($"{Key(nameof(options.SiloPort))} and {Key(nameof(options.GatewayPort))} must differ (both are {options.SiloPort})");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Key(string property) => $"{TimerGridOptions.Section}:{property}";

    private static bool IsConnectionString(string value)
    {
        try
        {
            _ = new DbConnectionStringBuilder { ConnectionString = value };
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
