using System.Data.Common;
using TimerGrid.Grains.Interfaces.Errors;

namespace TimerGrid.Grains.Storage;

/// <summary>What a client sees when storage fails a read or write made for it.</summary>
internal static class StorageErrors
{
    /// <summary>Driver exceptions do not cross the wire intact, and their text is not for clients: a failed call answers the catalogue's 503.</summary>
    public static async Task<T> AnswerAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (DbException)
        {
            throw new TimerGridException(ErrorCodes.StorageUnavailable, "storage did not answer; try again");
        }
    }
}
