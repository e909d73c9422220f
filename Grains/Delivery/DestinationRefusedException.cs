namespace TimerGrid.Grains.Delivery;

/// <summary>A webhook's host resolved only to addresses the destination policy refuses; no connection was made.</summary>
internal sealed class DestinationRefusedException(string message) : IOException(message);
