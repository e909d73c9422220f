using Orleans.Metadata;
using TimerGrid.Grains.Interfaces.Validation;

namespace TimerGrid.Grains.Interfaces.Client;

/// <summary>
/// TimerGrid for .NET code in the cluster (a silo or an Orleans client): jobs and routes by db and id, no grain keys to
/// build. Register it with <c>AddTimerGridClient()</c>. Every call is checked by the grains exactly as the REST API
/// checks it: a broken rule throws <see cref="Errors.TimerGridException"/> carrying the REST API's code.
/// </summary>
public sealed class TimerGridClient(IGrainFactory grains, GrainInterfaceTypeResolver interfaceTypes)
{
    /// <summary>The jobs of one collection; <see cref="Errors.ErrorCodes.InvalidKey"/> when a name is not a valid key segment.</summary>
    public TimerGridJobs Jobs(string db, string collection)
    {
        KeyRules.Require(db, "db");
        KeyRules.Require(collection, "collection");
        return new TimerGridJobs(grains, db, collection);
    }

    /// <summary>The routes of one db; <see cref="Errors.ErrorCodes.InvalidKey"/> when it is not a valid key segment.</summary>
    public TimerGridRoutes Routes(string db)
    {
        KeyRules.Require(db, "db");
        return new TimerGridRoutes(grains, interfaceTypes, db);
    }
}
