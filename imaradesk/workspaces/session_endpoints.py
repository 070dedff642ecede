"""/auth routes: sign-up, login, logout, who am I, and accepting an invitation."""

from fastapi import APIRouter, Response, status

from imaradesk.auth import service as auth
from imaradesk.auth.service import IssuedSession
from imaradesk.auth.tokens import CSRF_COOKIE, SESSION_COOKIE
from imaradesk.config import Settings
from imaradesk.core.app_state import AppSettings
from imaradesk.db.session import Session
from imaradesk.workspaces import invitations
from imaradesk.workspaces import service as workspaces
from imaradesk.workspaces.dependencies import CurrentActor
from imaradesk.workspaces.schemas import (
    InvitationAccept,
    InvitationPreview,
    LoginCreate,
    MeRead,
    SignupCreate,
)

router = APIRouter(prefix="/auth", tags=["auth"])


def _set_cookies(response: Response, settings: Settings, issued: IssuedSession) -> None:
    common = {
        "max_age": issued.max_age_seconds,
        "secure": settings.secure_cookies,
        "samesite": "lax",
        "path": "/",
    }
    response.set_cookie(SESSION_COOKIE, issued.token, httponly=True, **common)  # type: ignore[arg-type]
    # Readable by the web app, which echoes it in X-CSRF-Token (double submit, bound to the JWT).
    response.set_cookie(CSRF_COOKIE, issued.csrf, httponly=False, **common)  # type: ignore[arg-type]


@router.post("/signup", response_model=MeRead, status_code=status.HTTP_201_CREATED)
async def signup(session: Session, settings: AppSettings, data: SignupCreate, response: Response) -> MeRead:
    me, issued = await workspaces.signup(session, settings, data)
    _set_cookies(response, settings, issued)
    return me


@router.post("/login", response_model=MeRead)
async def login(session: Session, settings: AppSettings, data: LoginCreate, response: Response) -> MeRead:
    me, issued = await workspaces.login(session, settings, data)
    _set_cookies(response, settings, issued)
    return me


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT, response_class=Response)
async def logout(session: Session, actor: CurrentActor, response: Response) -> None:
    if actor.session_id is not None:
        await auth.close_session(session, actor.session_id)
    response.delete_cookie(SESSION_COOKIE, path="/")
    response.delete_cookie(CSRF_COOKIE, path="/")


@router.get("/me", response_model=MeRead)
async def me(session: Session, actor: CurrentActor) -> MeRead:
    return await workspaces.get_me(session, actor.workspace_id, actor.membership_id)


@router.get("/invitations/{token}", response_model=InvitationPreview)
async def preview_invitation(session: Session, token: str) -> InvitationPreview:
    return await invitations.preview_invitation(session, token)


@router.post("/invitations/{token}/accept", response_model=MeRead)
async def accept_invitation(
    session: Session, settings: AppSettings, token: str, data: InvitationAccept, response: Response
) -> MeRead:
    me, issued = await invitations.accept_invitation(session, settings, token, data)
    _set_cookies(response, settings, issued)
    return me
