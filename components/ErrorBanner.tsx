export interface ErrorBannerProps {
  title: string;
  /** What went wrong, in the user's words. */
  message: string;
  /** What still works, so the user knows the panel is not dead. */
  consequence?: string;
  actionLabel?: string;
  onAction?: () => void;
}

export function ErrorBanner({ title, message, consequence, actionLabel, onAction }: ErrorBannerProps) {
  return (
    <div role="alert" className="error-banner">
      <p className="error-banner__title">{title}</p>
      <p>{message}</p>
      {consequence && <p className="error-banner__consequence">{consequence}</p>}
      {actionLabel && onAction && (
        <button type="button" className="button" onClick={onAction}>
          {actionLabel}
        </button>
      )}
    </div>
  );
}
