import type { ReactNode } from 'react';
import { Button } from './button';
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogHeader } from './dialog';

type ConfirmDialogProps = {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  title: ReactNode;
  description: ReactNode;
  confirmLabel: ReactNode;
  cancelLabel: ReactNode;
  closeLabel: string;
  isPending?: boolean;
  onConfirm: () => void;
};

export function ConfirmDialog(props: ConfirmDialogProps) {
  return (
    <Dialog open={props.isOpen} onOpenChange={props.onOpenChange}>
      <DialogContent closeLabel={props.closeLabel} role="alertdialog">
        <DialogHeader title={props.title} description={props.description} />
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary">{props.cancelLabel}</Button>
          </DialogClose>
          <Button variant="danger" isLoading={props.isPending} onClick={props.onConfirm}>
            {props.confirmLabel}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
