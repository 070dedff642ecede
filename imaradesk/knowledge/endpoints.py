import uuid
from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, File, Form, Response, UploadFile, status

from imaradesk.core.app_state import AppSettings
from imaradesk.core.errors import FieldInvalid
from imaradesk.core.storage import create_storage
from imaradesk.db.session import Session
from imaradesk.knowledge import answers, reembedding, search, service
from imaradesk.knowledge.schemas import (
    AnswerRead,
    DocumentRead,
    KnowledgeSettingsRead,
    KnowledgeSettingsUpdate,
    QuestionCreate,
    ReembeddingRead,
    SearchHitRead,
)
from imaradesk.workspaces.dependencies import AdminActor, CurrentActor

router = APIRouter(prefix="/knowledge", tags=["knowledge"])


@router.get("/documents", response_model=list[DocumentRead])
async def list_documents(session: Session, actor: CurrentActor, collection: str | None = None) -> list[DocumentRead]:
    return [DocumentRead.model_validate(d) for d in await service.listing(session, actor.workspace_id, collection)]


@router.post("/documents", response_model=list[DocumentRead], status_code=status.HTTP_201_CREATED)
async def upload_documents(
    session: Session,
    settings: AppSettings,
    actor: AdminActor,
    files: Annotated[list[UploadFile], File(description="PDF, DOCX, TXT, CSV or Markdown files")],
    collection: Annotated[str, Form(max_length=80)] = "",
) -> list[DocumentRead]:
    """Store the files and start ingesting each; poll the documents for status (processing → ready or failed)."""
    limits = settings.knowledge
    if len(files) > limits.max_files_per_upload:
        raise FieldInvalid("files", f"Upload at most {limits.max_files_per_upload} files at once.")
    contents = [(file.filename or "document", await file.read()) for file in files]
    for filename, data in contents:  # every file checked before any is stored: all or none
        service.check_upload(filename, data, limits.max_upload_bytes)
    storage = create_storage(settings)
    documents = []
    for filename, data in contents:
        document = await service.upload(
            session,
            storage,
            actor.workspace_id,
            actor.membership_id,
            filename=filename,
            data=data,
            collection=collection,
            max_bytes=limits.max_upload_bytes,
        )
        documents.append(DocumentRead.model_validate(document))
    return documents


@router.get("/documents/{document_id}", response_model=DocumentRead)
async def read_document(session: Session, actor: CurrentActor, document_id: uuid.UUID) -> DocumentRead:
    return DocumentRead.model_validate(await service.get(session, actor.workspace_id, document_id))


@router.put("/documents/{document_id}/file", response_model=DocumentRead, status_code=status.HTTP_202_ACCEPTED)
async def replace_document(
    session: Session,
    settings: AppSettings,
    actor: AdminActor,
    document_id: uuid.UUID,
    file: Annotated[UploadFile, File(description="The new version")],
) -> DocumentRead:
    """Upload a new version; the old one keeps answering until the new one is ready, then it is removed."""
    old = await service.get(session, actor.workspace_id, document_id)
    document = await service.upload(
        session,
        create_storage(settings),
        actor.workspace_id,
        actor.membership_id,
        filename=file.filename or old.filename,
        data=await file.read(),
        collection=old.collection,
        max_bytes=settings.knowledge.max_upload_bytes,
        replaces=document_id,
    )
    return DocumentRead.model_validate(document)


@router.delete("/documents/{document_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_document(
    session: Session, settings: AppSettings, actor: AdminActor, document_id: uuid.UUID
) -> Response:
    await service.delete(session, create_storage(settings), actor.workspace_id, document_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/search", response_model=list[SearchHitRead])
async def search_knowledge(session: Session, actor: CurrentActor, data: QuestionCreate) -> list[SearchHitRead]:
    hits = await search.search(session, actor.workspace_id, data.question, k=data.k, collection=data.collection)
    return [SearchHitRead.model_validate(asdict(hit)) for hit in hits]


@router.post("/answer", response_model=AnswerRead)
async def answer_question(session: Session, actor: CurrentActor, data: QuestionCreate) -> AnswerRead:
    """A grounded answer with citations; offline, quoted passages; below the relevance threshold, a refusal."""
    result = await answers.answer(session, actor.workspace_id, data.question, k=data.k, collection=data.collection)
    return AnswerRead.model_validate(asdict(result))


@router.get("/settings", response_model=KnowledgeSettingsRead)
async def read_knowledge_settings(session: Session, actor: CurrentActor) -> KnowledgeSettingsRead:
    return await _settings_read(session, actor.workspace_id)


@router.put("/settings", response_model=KnowledgeSettingsRead, status_code=status.HTTP_202_ACCEPTED)
async def change_knowledge_embedder(
    session: Session, actor: AdminActor, data: KnowledgeSettingsUpdate
) -> KnowledgeSettingsRead:
    """Re-embed every document with another model in the background; searches use the old one until then."""
    await reembedding.start(session, actor.workspace_id, data.embedder)
    return await _settings_read(session, actor.workspace_id)


async def _settings_read(session: Session, workspace_id: uuid.UUID) -> KnowledgeSettingsRead:
    state = await service.state(session, workspace_id)
    progress = None
    if state.target_embedder is not None:
        progress = ReembeddingRead(
            embedder=state.target_embedder,
            done=state.reembed_done,
            total=state.reembed_total,
            error=state.reembed_error,
        )
    return KnowledgeSettingsRead(
        embedder=state.embedder,
        model=state.active_model,
        choices=await reembedding.choices(session, workspace_id),
        reembedding=progress,
    )
