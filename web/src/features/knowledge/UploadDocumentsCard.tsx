import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { DocumentDropZone } from './DocumentDropZone';
import { UploadQueue } from './UploadQueue';
import { isFinished } from './uploads';
import { useDocumentUploads } from './useDocumentUploads';

const MAX_COLLECTION_LENGTH = 80;

export function UploadDocumentsCard() {
  const { t } = useTranslation();
  const [collection, setCollection] = useState('');
  const uploads = useDocumentUploads();
  const hasFinished = uploads.items.some(isFinished);

  return (
    <Card>
      <CardHeader title={t('knowledge.upload.title')} description={t('knowledge.upload.description')} />
      <CardBody className="grid grid-cols-1 gap-4">
        <FormField label={t('knowledge.upload.collection')} hint={t('knowledge.upload.collectionHint')}>
          <Input
            value={collection}
            maxLength={MAX_COLLECTION_LENGTH}
            placeholder={t('knowledge.upload.collectionPlaceholder')}
            onChange={(event) => setCollection(event.target.value)}
          />
        </FormField>
        <DocumentDropZone onFiles={(files) => uploads.addFiles(files, collection)} />
        <UploadQueue items={uploads.items} onCancel={uploads.cancel} onDismiss={uploads.dismiss} />
        {hasFinished ? (
          <Button variant="secondary" size="sm" className="justify-self-end" onClick={uploads.clearFinished}>
            {t('knowledge.upload.clearFinished')}
          </Button>
        ) : null}
      </CardBody>
    </Card>
  );
}
